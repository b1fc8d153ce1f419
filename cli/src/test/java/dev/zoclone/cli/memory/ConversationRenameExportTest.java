package dev.zoclone.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code zo conversations rename} and {@code export} against a fake gateway. */
class ConversationRenameExportTest {
  private static final String CONVERSATION =
      "{\"id\":\"c1\",\"title\":\"Trip\",\"summary\":null,\"created_at\":\"2026-12-01T10:00:00Z\","
          + "\"messages\":[{\"id\":\"m1\",\"role\":\"user\",\"content\":\"Where to eat?\"},"
          + "{\"id\":\"m2\",\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[]},"
          + "{\"id\":\"m3\",\"role\":\"assistant\",\"content\":\"Try **Ramiro**.\"}]}";

  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void renameSendsThePatchWithTheWordsJoinedAndPrintsTheNewTitle() {
    gateway.answerJson(
        "PATCH", "/api/v1/conversations/c1", 200, "{\"id\":\"c1\",\"title\":\"Trip to Lisbon\"}");

    Run run = zo("conversations", "rename", "c1", "Trip", "to", "Lisbon");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Renamed conversation c1 to \"Trip to Lisbon\".\n");
    assertThat(gateway.onlyRequest().method()).isEqualTo("PATCH");
    assertThat(gateway.onlyRequest().body()).isEqualTo("{\"title\":\"Trip to Lisbon\"}");
  }

  @Test
  void renameOfAnotherUsersConversationFailsWithTheProblem() {
    gateway.answerProblem(
        "PATCH",
        "/api/v1/conversations/c9",
        404,
        "{\"type\":\"https://zoclone.dev/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"conversation c9 not found\"}");

    Run run = zo("conversations", "rename", "c9", "mine");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("conversation c9 not found");
  }

  @Test
  void exportPrintsMarkdownWithAHeadingPerTurnWithText() {
    gateway.answerJson("GET", "/api/v1/conversations/c1", 200, CONVERSATION);

    Run run = zo("conversations", "export", "c1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "# Trip\n\nConversation `c1`, started 2026-12-01T10:00:00Z.\n\n"
                + "## You\n\nWhere to eat?\n\n## Assistant\n\nTry **Ramiro**.\n\n");
  }

  @Test
  void exportAsJsonPrintsTheConversationAsTheApiAnswersIt() {
    gateway.answerJson("GET", "/api/v1/conversations/c1", 200, CONVERSATION);

    Run run = zo("conversations", "export", "c1", "-o", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(CONVERSATION + "\n");
  }

  @Test
  void exportInAnUnknownFormatIsAUsageError() {
    Run run = zo("conversations", "export", "c1", "-o", "pdf");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("pdf");
    assertThat(gateway.requests()).isEmpty();
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }
}
