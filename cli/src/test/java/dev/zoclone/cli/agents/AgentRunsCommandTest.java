package dev.zoclone.cli.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code zo agents runs} against a fake gateway. */
class AgentRunsCommandTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void runsPrintsOneRowPerRunAndHowToGetTheNextPage() {
    gateway.answerJson(
        "GET",
        "/api/v1/agents/runs",
        200,
        "{\"runs\":[{\"id\":\"r2\",\"status\":\"FAILED\",\"prompt_excerpt\":\"summarise\\nthe day\","
            + "\"model_name\":\"lab:m\",\"error\":\"boom\",\"created_at\":\"2026-12-07T10:00:00Z\","
            + "\"duration_ms\":120},{\"id\":\"r1\",\"status\":\"QUEUED\",\"prompt_excerpt\":\"hi\","
            + "\"created_at\":\"2026-12-07T09:00:00Z\"}],\"next_cursor\":\"r1\"}");

    Run run = zo("agents", "runs", "--limit", "2", "--status", "FAILED");

    assertThat(run.exitCode()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines[0]).startsWith("ID").contains("STATUS", "MODEL", "DURATION", "PROMPT");
    assertThat(lines[1]).contains("r2", "FAILED", "lab:m", "120 ms", "summarise the day");
    assertThat(lines[2]).contains("r1", "QUEUED", "default", "hi");
    assertThat(lines[3]).isEqualTo("More: zo agents runs --cursor r1");
    assertThat(gateway.onlyRequest().path()).isEqualTo("/api/v1/agents/runs");
  }

  @Test
  void aBadStatusFailsWithTheProblemDetail() {
    gateway.answerProblem(
        "GET",
        "/api/v1/agents/runs",
        400,
        "{\"type\":\"https://zoclone.dev/problems/bad-request\",\"title\":\"Bad request\","
            + "\"status\":400,\"detail\":\"status: must be one of [QUEUED, RUNNING]\"}");

    Run run = zo("agents", "runs", "--status", "DONE");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("status: must be one of");
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }
}
