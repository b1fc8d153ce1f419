package dev.zoclone.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.pool.LeasedJob;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShellJobRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCommandRunsWithoutAShellSoItsArgumentsAreNotExpanded() throws Exception {
    JobOutcome outcome = run("{\"command\":\"echo\",\"args\":[\"$HOME\",\"*\"]}", null);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.result().get("stdout").asText()).isEqualTo("$HOME *\n");
  }

  @Test
  void aJobSeesOnlyPathHomeLangAndItsOwnEnvNotTheNodesToken() throws Exception {
    JsonNode payload = JSON.readTree("{\"command\":\"env\",\"env\":{\"GREETING\":\"hi\"}}");
    Map<String, String> nodeEnv =
        Map.of(
            "PATH", System.getenv("PATH"),
            "HOME", "/home/node",
            "LANG", "C.UTF-8",
            "ZO_TOKEN", "zo_secret",
            "AWS_SECRET_ACCESS_KEY", "aws_secret");

    JobOutcome outcome =
        ShellJobRunner.run(
            payload,
            null,
            new RunningJob(new LeasedJob("j", "shell", payload, 0, 1, 1, null)),
            nodeEnv);

    assertThat(outcome.succeeded()).isTrue();
    String stdout = outcome.result().get("stdout").asText();
    Set<String> names = new HashSet<>();
    stdout.lines().forEach(line -> names.add(line.substring(0, line.indexOf('='))));
    assertThat(names).isSubsetOf(Set.of("PATH", "HOME", "LANG", "GREETING", "PWD"));
    assertThat(stdout)
        .contains("GREETING=hi\n", "HOME=/home/node\n", "LANG=C.UTF-8\n")
        .doesNotContain("zo_secret", "aws_secret");
  }

  @Test
  void aCommandPastItsTimeoutIsKilledAndRetryable() throws Exception {
    long start = System.nanoTime();
    JobOutcome outcome = run("{\"command\":\"sleep\",\"args\":[\"30\"]}", 1);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.retryable()).isTrue();
    assertThat(outcome.error()).isEqualTo("timed out after 1s");
    assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20);
  }

  @Test
  void outputPastTheCapIsCutAndSaysHowMuchWasDropped() throws Exception {
    JobOutcome outcome =
        run("{\"command\":\"head\",\"args\":[\"-c\",\"100000\",\"/dev/zero\"]}", null);

    String stdout = outcome.result().get("stdout").asText();
    assertThat(stdout).startsWith("\0".repeat(10)).endsWith("[... 34464 more bytes dropped]");
  }

  @Test
  void aMissingProgramIsAFinalFailure() throws Exception {
    JobOutcome outcome = run("{\"command\":\"/no/such/program\"}", null);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.retryable()).isFalse();
    assertThat(outcome.error()).startsWith("cannot start /no/such/program");
  }

  private static JobOutcome run(String payload, Integer timeoutS) throws Exception {
    JsonNode node = JSON.readTree(payload);
    return ShellJobRunner.run(
        node, timeoutS, new RunningJob(new LeasedJob("j", "shell", node, 0, 1, 1, timeoutS)));
  }
}
