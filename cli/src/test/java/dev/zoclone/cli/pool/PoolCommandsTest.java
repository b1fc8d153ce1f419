package dev.zoclone.cli.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.FakeGateway.Request;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the pool commands as main wires them against a fake gateway. */
class PoolCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

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
  void lsPrintsATableOfJobsFilteredByStatusWithLocalTimesAndAge() {
    java.time.Instant created = java.time.Instant.now().minus(java.time.Duration.ofMinutes(90));
    gateway.answerJson(
        "GET",
        "/api/v1/jobs",
        200,
        "{\"jobs\":[{\"id\":\"j1\",\"kind\":\"shell\",\"status\":\"DEAD\",\"priority\":3,"
            + "\"attempts\":3,\"max_attempts\":3,\"node_id\":\"n1\",\"error\":\"exit 2\","
            + "\"created_at\":\""
            + created
            + "\"}]}");

    Run run = zo(gateway, home, "jobs", "ls", "--status", "DEAD");
    Run wide = zo(gateway, home, "jobs", "ls", "--status", "DEAD", "-o", "wide");

    String local =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(created.atZone(java.time.ZoneId.systemDefault()));
    assertThat(run.out())
        .isEqualTo(
            "ID  KIND   STATUS  PRIORITY  ATTEMPTS  NODE  CREATED              AGE\n"
                + "j1  shell  DEAD    3         3/3       n1    "
                + local
                + "  1h\n");
    assertThat(wide.out().lines().toList().get(1))
        .isEqualTo(
            "j1  shell  DEAD    3         3/3       n1    " + local + "  1h   -         exit 2");
    assertThat(gateway.requests()).extracting(Request::path).containsOnly("/api/v1/jobs");
  }

  @Test
  void yamlAndJsonPrintTheGatewaysDataAndJsonIsAnAliasOfOutputJson() {
    gateway.answerJson(
        "GET", "/api/v1/jobs", 200, "{\"jobs\":[{\"id\":\"j1\",\"attempts\":3,\"tags\":[]}]}");

    Run yaml = zo(gateway, home, "jobs", "ls", "-o", "yaml");
    Run json = zo(gateway, home, "jobs", "ls", "--output", "json");
    Run alias = zo(gateway, home, "--json", "jobs", "ls");
    Run clash = zo(gateway, home, "jobs", "ls", "--json", "-o", "yaml");
    Run unknown = zo(gateway, home, "jobs", "ls", "-o", "xml");

    assertThat(yaml.out()).isEqualTo("jobs:\n- id: j1\n  attempts: 3\n  tags: []\n");
    assertThat(json.out()).isEqualTo("{\"jobs\":[{\"id\":\"j1\",\"attempts\":3,\"tags\":[]}]}\n");
    assertThat(alias.out()).isEqualTo(json.out());
    assertThat(clash.exitCode()).isEqualTo(2);
    assertThat(clash.err()).contains("--json and -o yaml disagree");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown output format 'xml': use json, yaml, wide or text");
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
  void nodesLsShowsOfflineNodesWithWhenLastSeenAndWideAddsKindsAndLabels() {
    java.time.Instant seen =
        java.time.Instant.now().minus(java.time.Duration.ofDays(10).plusHours(12));
    String local =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(seen.atZone(java.time.ZoneId.systemDefault()));
    gateway.answerJson(
        "GET",
        "/api/v1/nodes",
        200,
        "{\"nodes\":[{\"id\":\"n1\",\"name\":\"rig\",\"status\":\"OFFLINE\",\"slots\":8,"
            + "\"active_jobs\":0,\"kinds\":[\"shell\",\"agent\"],"
            + "\"labels\":{\"os\":\"linux\",\"gpu\":\"a100\"},"
            + "\"registered_at\":\""
            + seen
            + "\",\"last_seen_at\":\""
            + seen
            + "\"}]}");

    Run run = zo(gateway, home, "nodes", "ls");
    Run wide = zo(gateway, home, "nodes", "ls", "-o", "wide");

    assertThat(run.out())
        .isEqualTo(
            "ID  NAME  STATUS   SLOTS  ACTIVE  LAST SEEN            AGE\n"
                + "n1  rig   OFFLINE  8      0       "
                + local
                + "  10d\n");
    assertThat(wide.out().lines().toList())
        .containsExactly(
            "ID  NAME  STATUS   SLOTS  ACTIVE  LAST SEEN            AGE  REGISTERED         "
                + "  KINDS        LABELS",
            "n1  rig   OFFLINE  8      0       "
                + local
                + "  10d  "
                + local
                + "  shell,agent  gpu=a100,os=linux");
  }

  @Test
  void nodesRmRemovesTheNodeNamedByAUniquePrefix() {
    gateway.answerProblem(
        "DELETE", "/api/v1/nodes/n1", 404, "{\"status\":404,\"detail\":\"node n1 not found\"}");
    gateway.answerJson(
        "GET",
        "/api/v1/nodes",
        200,
        "{\"nodes\":[{\"id\":\"n1abc\",\"status\":\"OFFLINE\"},{\"id\":\"n2\"}]}");
    gateway.answerEmpty("DELETE", "/api/v1/nodes/n1abc", 204);

    Run run = zo(gateway, home, "nodes", "rm", "n1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Removed node n1abc.\n");
    assertThat(gateway.requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "DELETE /api/v1/nodes/n1", "GET /api/v1/nodes", "DELETE /api/v1/nodes/n1abc");
  }

  @Test
  void anAmbiguousIdPrefixIsAUsageErrorNamingTheCandidates() {
    gateway.answerJson(
        "GET",
        "/api/v1/jobs",
        200,
        "{\"jobs\":[{\"id\":\"ab12\"},{\"id\":\"ab34\"},{\"id\":\"cd\"}]}");

    Run run = zo(gateway, home, "jobs", "show", "ab");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ambiguous job id prefix 'ab': it starts ab12, ab34\n");
  }

  @Test
  void anOnlineNodeIsKeptWithThePoolsReason() {
    gateway.answerProblem(
        "DELETE",
        "/api/v1/nodes/n1",
        409,
        "{\"type\":\"https://zoclone.dev/problems/node-online\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"node n1 is ONLINE: stop zo node on it first\"}");

    Run run = zo(gateway, home, "nodes", "rm", "n1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("node n1 is ONLINE: stop zo node on it first");
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
