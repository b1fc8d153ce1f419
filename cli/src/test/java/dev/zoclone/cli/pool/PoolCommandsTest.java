package dev.zoclone.cli.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.FakeGateway.Request;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the pool commands as main wires them against a fake gateway. */
class PoolCommandsTest {
  @TempDir Path home;
  private FakeGateway gateway;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = FakeGateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  @Test
  void submitShellSendsTheCommandAndArgsWithoutAShellAndPrintsTheId() {
    gateway.answerJson("POST", "/api/v1/jobs", 201, "{\"id\":\"j1\",\"status\":\"PENDING\"}");

    Run run =
        zo(
            gateway,
            home,
            "jobs",
            "submit",
            "shell",
            "--priority",
            "5",
            "--require",
            "os=linux",
            "--",
            "echo",
            "a b");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Submitted job j1 (PENDING).\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"kind\":\"shell\",\"payload\":{\"command\":\"echo\",\"args\":[\"a b\"]},"
                + "\"priority\":5,\"requirements\":{\"os\":\"linux\"}}");
  }

  @Test
  void submitHttpSendsMethodUrlAndHeaders() {
    gateway.answerJson("POST", "/api/v1/jobs", 200, "{\"id\":\"j1\",\"status\":\"RUNNING\"}");

    Run run =
        zo(
            gateway,
            home,
            "jobs",
            "submit",
            "http",
            "get",
            "https://example.com",
            "--header",
            "Accept=text/html",
            "--idempotency-key",
            "k");

    assertThat(run.out()).isEqualTo("Already submitted: job j1 (RUNNING).\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"kind\":\"http\",\"payload\":{\"method\":\"GET\",\"url\":\"https://example.com\","
                + "\"headers\":{\"Accept\":\"text/html\"}},\"idempotency_key\":\"k\"}");
  }

  @Test
  void submitAgentWithoutAPayloadIsAUsageError() {
    Run run = zo(gateway, home, "jobs", "submit", "agent");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void lsPrintsATableOfJobsFilteredByStatus() {
    gateway.answerJson(
        "GET",
        "/api/v1/jobs",
        200,
        "{\"jobs\":[{\"id\":\"j1\",\"kind\":\"shell\",\"status\":\"DEAD\",\"priority\":3,"
            + "\"attempts\":3,\"max_attempts\":3,\"node_id\":\"n1\"}]}");

    Run run = zo(gateway, home, "jobs", "ls", "--status", "DEAD");

    assertThat(run.out())
        .isEqualTo(
            """
            ID  KIND   STATUS  PRIORITY  ATTEMPTS  NODE
            j1  shell  DEAD    3         3/3       n1
            """);
  }

  @Test
  void showSaysWhyAPendingJobWaits() {
    gateway.answerJson(
        "GET",
        "/api/v1/jobs/j2",
        200,
        "{\"id\":\"j2\",\"kind\":\"skill\",\"status\":\"PENDING\",\"priority\":0,"
            + "\"attempts\":0,\"max_attempts\":3,"
            + "\"waiting_for\":\"no live node of yours offers kind 'skill'\"}");

    Run show = zo(gateway, home, "jobs", "show", "j2");

    assertThat(show.out())
        .isEqualTo(
            """
            Job j2 (skill)
              status:   PENDING
              priority: 0
              attempts: 0/3
              waiting:  no live node of yours offers kind 'skill'
            """);
  }

  @Test
  void showCancelAndRetryPrintTheJob() {
    String job =
        "{\"id\":\"j1\",\"kind\":\"shell\",\"status\":\"CANCELLED\",\"priority\":0,"
            + "\"attempts\":1,\"max_attempts\":3,\"error\":\"cancelled by its owner\"}";
    gateway.answerJson("POST", "/api/v1/jobs/j1/cancel", 200, job);
    gateway.answerProblem(
        "POST",
        "/api/v1/jobs/j1/retry",
        409,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"job j1 is CANCELLED\"}");

    Run cancel = zo(gateway, home, "jobs", "cancel", "j1");
    Run retry = zo(gateway, home, "jobs", "retry", "j1");

    assertThat(cancel.out())
        .isEqualTo(
            """
            Job j1 (shell)
              status:   CANCELLED
              priority: 0
              attempts: 1/3
              error:    cancelled by its owner
            """);
    assertThat(retry.exitCode()).isEqualTo(1);
    assertThat(retry.err()).isEqualTo("Conflict: job j1 is CANCELLED\n");
    assertThat(gateway.requests()).extracting(Request::method).containsOnly("POST");
  }

  @Test
  void nodesLsPrintsStatusSlotsKindsAndLabels() {
    gateway.answerJson(
        "GET",
        "/api/v1/nodes",
        200,
        "{\"nodes\":[{\"id\":\"n1\",\"name\":\"rig\",\"status\":\"ONLINE\",\"slots\":8,"
            + "\"active_jobs\":2,\"kinds\":[\"shell\",\"agent\"],"
            + "\"labels\":{\"os\":\"linux\",\"gpu\":\"a100\"}}]}");

    Run run = zo(gateway, home, "nodes", "ls");

    assertThat(run.out())
        .isEqualTo(
            """
            ID  NAME  STATUS  SLOTS  ACTIVE  KINDS        LABELS
            n1  rig   ONLINE  8      2       shell,agent  gpu=a100,os=linux
            """);
  }

  @Test
  void nodeRefusesToFallBackToTheAdminTokenFile() throws Exception {
    Path zoHome = home.resolve(".zoclone");
    java.nio.file.Files.createDirectories(zoHome);
    java.nio.file.Files.writeString(zoHome.resolve("admin-token"), "admin-secret\n");

    Run run = Zo.run(java.util.Map.of("ZO_URL", gateway.url()), home, "node", "--slots", "1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("zo node runs jobs as the user whose token it has")
        .contains("It does not fall back to " + zoHome.resolve("admin-token"));
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void anUnknownKindIsNamedAndTheKindsListed() {
    Run run = zo(gateway, home, "jobs", "submit", "python", "--", "x.py");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("unknown job kind 'python': one of shell, http, agent, skill\n");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void cancellingAnAlreadyCancelledJobSaysSoAndSucceeds() {
    gateway.answerProblem(
        "POST",
        "/api/v1/jobs/j7/cancel",
        409,
        "{\"type\":\"https://zoclone.dev/problems/job-finished\",\"status\":409,"
            + "\"detail\":\"job j7 is CANCELLED and cannot be cancelled\"}");
    gateway.answerJson("GET", "/api/v1/jobs/j7", 200, "{\"id\":\"j7\",\"status\":\"CANCELLED\"}");

    Run run = zo(gateway, home, "jobs", "cancel", "j7");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Job j7 is already cancelled.\n");
  }

  @Test
  void cancellingASucceededJobStillFails() {
    gateway.answerProblem(
        "POST",
        "/api/v1/jobs/j8/cancel",
        409,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"job j8 is SUCCEEDED\"}");
    gateway.answerJson("GET", "/api/v1/jobs/j8", 200, "{\"id\":\"j8\",\"status\":\"SUCCEEDED\"}");

    Run run = zo(gateway, home, "jobs", "cancel", "j8");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Conflict: job j8 is SUCCEEDED\n");
  }

  @Test
  void showPrintsAShellJobsCommandAndOutputAsTextAndExplainsDead() {
    gateway.answerJson(
        "GET",
        "/api/v1/jobs/j3",
        200,
        "{\"id\":\"j3\",\"kind\":\"shell\",\"status\":\"DEAD\",\"priority\":0,"
            + "\"attempts\":3,\"max_attempts\":3,"
            + "\"payload\":{\"command\":\"ls\",\"args\":[\"-l\",\"/nope\"]},"
            + "\"error\":\"exit code 2\",\"result\":{\"exit_code\":2,\"stdout\":\"\","
            + "\"stderr\":\"ls: cannot access '/nope'\\nsecond line\\n\"}}");

    Run show = zo(gateway, home, "jobs", "show", "j3");

    assertThat(show.out())
        .isEqualTo(
            """
            Job j3 (shell)
              status:   DEAD (every attempt failed; zo jobs retry runs it anew)
              priority: 0
              attempts: 3/3
              command:  ls -l /nope
              error:    exit code 2
              exit:     2
              stderr:
                ls: cannot access '/nope'
                second line
            """);
  }

  private Run zo(FakeGateway gateway, Path home, String... args) {
    return Zo.against(gateway, home, args);
  }
}
