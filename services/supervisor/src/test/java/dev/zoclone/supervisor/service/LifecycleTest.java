package dev.zoclone.supervisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.supervisor.SupervisorCaller;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LifecycleTest {
  private final SupervisorCaller ada = SupervisorCaller.fresh();

  @AfterEach
  void cleanUp() {
    ada.deleteAll();
  }

  @Test
  void aCrashLoopBacksOffAndEndsFatal() {
    Instant created = Instant.now();
    ada.created(
        SupervisorCaller.bash(
            "crasher",
            "echo boom; exit 3",
            "restart",
            "always",
            "max_restarts",
            3,
            "backoff_ms",
            200));

    JsonPath fatal = ada.awaitStatus("crasher", "FATAL");

    assertThat(fatal.getInt("restarts")).isEqualTo(3);
    assertThat(fatal.getInt("exit_code")).isEqualTo(3);
    assertThat(fatal.getString("reason")).contains("exited with code 3").contains("4 times");
    assertThat(fatal.getString("pid")).isNull();
    // Backoffs of 200, 400 and 800 ms came between the four starts.
    assertThat(Duration.between(created, Instant.now())).isGreaterThan(Duration.ofMillis(1400));
    assertThat(ada.logs("crasher", "stdout", 100)).containsExactly("boom", "boom", "boom", "boom");
  }

  @Test
  void aStableRunIsRestartedByAlwaysAndNotByOnFailureAfterASuccess() {
    ada.created(
        SupervisorCaller.bash(
            "loop", "echo run; sleep 1.3; exit 0", "restart", "always", "start_seconds", 1));
    ada.created(
        SupervisorCaller.bash(
            "once", "sleep 1.3; exit 0", "restart", "on-failure", "start_seconds", 1));
    ada.created(
        SupervisorCaller.bash(
            "failing", "sleep 1.3; exit 7", "restart", "on-failure", "start_seconds", 1));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ada.get("loop").getInt("restarts") >= 2
                    && ada.get("failing").getInt("restarts") >= 2);
    JsonPath once = ada.awaitStatus("once", "EXITED");

    assertThat(once.getInt("exit_code")).isZero();
    assertThat(once.getInt("restarts")).isZero();
    assertThat(ada.get("loop").getString("status")).isNotEqualTo("FATAL");
    assertThat(ada.get("failing").getInt("exit_code")).isEqualTo(7);
  }

  @Test
  void aProcessModeProcessIsRunningAfterStartSeconds() {
    JsonPath created =
        ada.created(SupervisorCaller.bash("sleeper", "sleep 600", "start_seconds", 1));

    assertThat(created.getString("status")).isEqualTo("STARTING");
    JsonPath running = ada.awaitStatus("sleeper", "RUNNING");
    assertThat(running.getLong("pid")).isPositive();
    assertThat(ProcessHandle.of(running.getLong("pid"))).isPresent();
  }

  @Test
  void stopKillsChildrenThatIgnoreSigterm() {
    String script =
        "trap '' TERM; for i in 1 2 3; do (trap '' TERM; exec sleep 1000) & done;"
            + " (setsid sleep 1000 &); echo forked; wait";
    ada.created(SupervisorCaller.bash("forker", script, "start_seconds", 1, "stop_grace_ms", 500));
    long pid = ada.awaitStatus("forker", "RUNNING").getLong("pid");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sleepers(pid).size() >= 3 && ada.logs("forker", "stdout", 1).size() == 1);
    List<ProcessHandle> tree = ProcessHandle.of(pid).orElseThrow().descendants().toList();

    JsonPath stopped = ada.action("forker", "stop");

    assertThat(stopped.getString("status")).isEqualTo("STOPPED");
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    // The sleep that left its session (setsid, double fork) died with the sandbox too.
    assertThat(ProcessHandle.allProcesses().filter(LifecycleTest::isLongSleep)).isEmpty();
  }

  private static boolean isLongSleep(ProcessHandle handle) {
    return handle.isAlive()
        && handle.info().command().map(c -> c.endsWith("/sleep")).orElse(false)
        && handle.info().arguments().map(a -> List.of(a).equals(List.of("1000"))).orElse(false);
  }

  @Test
  void anHttpProcessGetsAPortAndIsRunningOnceItAnswers() throws Exception {
    String server =
        "import http.server, os\n"
            + "class H(http.server.BaseHTTPRequestHandler):\n"
            + "  def do_GET(self):\n"
            + "    body = ('hello from ' + os.environ['GREETING']).encode()\n"
            + "    self.send_response(200); self.send_header('Content-Length', str(len(body)))\n"
            + "    self.end_headers(); self.wfile.write(body)\n"
            + "import time; time.sleep(1.5)\n"
            + "http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()\n";
    JsonPath created =
        ada.created(
            java.util.Map.of(
                "name",
                "web",
                "command",
                "python3",
                "args",
                List.of("-c", server),
                "env",
                java.util.Map.of("GREETING", "web"),
                "mode",
                "http",
                "start_seconds",
                0));

    assertThat(created.getString("status")).isEqualTo("STARTING");
    assertThat(created.getString("url")).isEqualTo("/p/ada/web/");
    JsonPath running = ada.awaitStatus("web", "RUNNING");
    int port = running.getInt("port");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).isEqualTo("hello from web");
  }

  @Test
  void restartStartsANewCopyAndStartAfterStopRunsAgain() {
    ada.created(SupervisorCaller.bash("svc", "sleep 600", "start_seconds", 0));
    long first = ada.awaitStatus("svc", "RUNNING").getLong("pid");

    ada.action("svc", "restart");
    long second = ada.awaitStatus("svc", "RUNNING").getLong("pid");
    ada.action("svc", "stop");
    assertThat(ada.get("svc").getString("status")).isEqualTo("STOPPED");
    ada.action("svc", "start");
    long third = ada.awaitStatus("svc", "RUNNING").getLong("pid");

    assertThat(second).isNotEqualTo(first);
    assertThat(third).isNotEqualTo(second);
    assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(ProcessHandle.of(second).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aChangedDefinitionAppliesOnTheNextStart() {
    ada.created(SupervisorCaller.bash("greeter", "echo first; sleep 600", "start_seconds", 0));
    ada.awaitStatus("greeter", "RUNNING");

    ada.request()
        .body(java.util.Map.of("args", List.of("-c", "echo second; sleep 600")))
        .patch("/api/v1/processes/greeter")
        .then()
        .statusCode(200);
    ada.action("greeter", "restart");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ada.logs("greeter", "stdout", 10).equals(List.of("first", "second")));
  }

  private static List<ProcessHandle> sleepers(long pid) {
    return ProcessHandle.of(pid).stream()
        .flatMap(ProcessHandle::descendants)
        .filter(h -> h.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .toList();
  }
}
