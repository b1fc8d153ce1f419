package dev.zoclone.cli.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.FakeGateway.Request;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandsTest {
  private static final String WEB =
      "{\"name\":\"web\",\"mode\":\"http\",\"status\":\"STARTING\",\"pid\":4242,\"port\":43001,"
          + "\"restarts\":0,\"url\":\"/p/ada/web/\"}";

  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void runSendsTheDefinitionAndPrintsTheStatusAndUrl() {
    gateway.answerJson("POST", "/api/v1/processes", 201, WEB);

    Run run =
        Zo.against(
            gateway,
            home,
            "run",
            "web",
            "--http",
            "--port",
            "43001",
            "--restart",
            "always",
            "--env",
            "GREETING=hi",
            "--public",
            "--",
            "python3",
            "-m",
            "http.server");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "web: STARTING (pid 4242) on port 43001\nurl: " + gateway.url() + "/p/ada/web/\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"name\":\"web\",\"command\":\"python3\",\"args\":[\"-m\",\"http.server\"],"
                + "\"env\":{\"GREETING\":\"hi\"},\"mode\":\"http\",\"port\":43001,"
                + "\"restart\":\"always\",\"visibility\":\"public\"}");
  }

  @Test
  void runWithoutACommandIsAUsageErrorAndHttpAndTcpExcludeEachOther() {
    assertThat(Zo.against(gateway, home, "run", "web").exitCode()).isEqualTo(2);
    assertThat(Zo.against(gateway, home, "run", "web", "--http", "--tcp", "--", "x").exitCode())
        .isEqualTo(2);
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void psPrintsATable() {
    gateway.answerJson(
        "GET",
        "/api/v1/processes",
        200,
        "{\"processes\":["
            + WEB.replace("STARTING", "RUNNING")
            + ",{\"name\":\"job\",\"mode\":\"process\",\"status\":\"FATAL\",\"restarts\":5}]}");

    Run run = Zo.against(gateway, home, "ps");

    assertThat(run.out())
        .isEqualTo(
            """
            NAME  MODE     STATUS   PID   PORT   RESTARTS  URL
            web   http     RUNNING  4242  43001  0         /p/ada/web/
            job   process  FATAL    -     -      5         -
            """);
  }

  @Test
  void startStopRestartAndRmCallTheirRoutes() {
    String stopped = "{\"name\":\"web\",\"status\":\"STOPPED\",\"reason\":null}";
    gateway.answerJson("POST", "/api/v1/processes/web/start", 200, WEB);
    gateway.answerJson("POST", "/api/v1/processes/web/stop", 200, stopped);
    gateway.answerJson("POST", "/api/v1/processes/web/restart", 200, WEB);
    gateway.answerEmpty("DELETE", "/api/v1/processes/web", 204);
    gateway.answerProblem(
        "POST",
        "/api/v1/processes/gone/stop",
        404,
        "{\"title\":\"Not found\",\"status\":404,\"detail\":\"process gone not found\"}");

    assertThat(Zo.against(gateway, home, "start", "web").out())
        .isEqualTo("web: STARTING (pid 4242) on port 43001\n");
    assertThat(Zo.against(gateway, home, "stop", "web").out()).isEqualTo("web: STOPPED\n");
    assertThat(Zo.against(gateway, home, "restart", "web").exitCode()).isZero();
    assertThat(Zo.against(gateway, home, "rm", "web").out()).isEqualTo("Removed web.\n");
    Run missing = Zo.against(gateway, home, "stop", "gone");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Not found: process gone not found\n");
    assertThat(gateway.requests())
        .extracting(Request::method, Request::path)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/processes/web/start"),
            org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/processes/web/stop"),
            org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/processes/web/restart"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "/api/v1/processes/web"));
  }

  @Test
  void psLogsPrintsLinesAndMarksStderr() {
    gateway.answerJson(
        "GET",
        "/api/v1/processes/web/logs",
        200,
        "{\"lines\":[{\"stream\":\"stdout\",\"text\":\"up\"},"
            + "{\"stream\":\"stderr\",\"text\":\"warn\"}]}");

    Run run = Zo.against(gateway, home, "ps", "logs", "web", "--tail", "2");

    assertThat(run.out()).isEqualTo("up\n[stderr] warn\n");
  }

  @Test
  void psLogsFollowPrintsStreamedLines() {
    gateway.answerText(
        "GET",
        "/api/v1/processes/web/logs",
        200,
        "event: line\ndata: {\"stream\":\"stdout\",\"text\":\"one\"}\n\n"
            + ": keepalive\n\n"
            + "event: line\ndata: {\"stream\":\"stdout\",\"text\":\"two\"}\n\n");

    Run run = Zo.against(gateway, home, "ps", "logs", "web", "-f");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("one\ntwo\n");
  }

  @Test
  void openPrintsThePublicUrl() {
    gateway.answerJson("GET", "/api/v1/processes/web", 200, WEB);
    gateway.answerJson(
        "GET", "/api/v1/processes/job", 200, "{\"name\":\"job\",\"mode\":\"process\"}");

    assertThat(Zo.against(gateway, home, "open", "web").out())
        .isEqualTo(gateway.url() + "/p/ada/web/\n");
    assertThat(Zo.against(gateway, home, "open", "job").exitCode()).isEqualTo(1);
  }
}
