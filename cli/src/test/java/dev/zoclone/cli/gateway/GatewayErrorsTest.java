package dev.zoclone.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GatewayErrorsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void problemResponseBecomesTitleAndDetailOnOneLineWithExitOne() {
    gateway.answerProblem(
        "GET",
        "/api/v1/status",
        401,
        """
        {"type":"https://zoclone.dev/problems/unauthenticated","title":"Unauthenticated",
         "status":401,"detail":"the bearer token is missing or invalid","instance":"/api/v1/status"}
        """);

    Run run = Zo.against(gateway, home, "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Unauthenticated: the bearer token is missing or invalid"
                + " (the token came from ZO_TOKEN)\n");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aFailureCarriesTheProblemsTypeAndStatus() {
    gateway.answerProblem(
        "POST",
        "/api/v1/jobs/j1/complete",
        409,
        "{\"type\":\"https://zoclone.dev/problems/stale-lease\",\"title\":\"Stale lease\",\"status\":409}");
    GatewayClient client = new GatewayClient(java.net.URI.create(gateway.url()), "t0k", "--token");

    dev.zoclone.cli.CliFailure failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            dev.zoclone.cli.CliFailure.class,
            () -> client.post("/api/v1/jobs/j1/complete", Map.of("result", "x")));

    assertThat(failure.getMessage()).isEqualTo("Stale lease");
    assertThat(GatewayProblem.of(failure))
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.status()).isEqualTo(409);
              assertThat(problem.type()).hasValue("https://zoclone.dev/problems/stale-lease");
            });
    assertThat(
            new GatewayResponse(409, "{\"type\":\"https://zoclone.dev/problems/stale-lease\"}")
                .problemType())
        .hasValue("https://zoclone.dev/problems/stale-lease");
  }

  @Test
  void problemWithoutDetailListsTheOffendingFields() {
    gateway.answerProblem(
        "POST",
        "/api/v1/users",
        400,
        """
        {"title":"Invalid request","status":400,
         "errors":[{"field":"name","message":"must not be blank"}]}
        """);

    Run run = Zo.against(gateway, home, "users", "create", " ");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Invalid request: name: must not be blank\n");
  }

  @Test
  void rateLimitedProblemSaysWhenToRetry() {
    gateway.answerProblem(
        "GET",
        "/api/v1/me",
        429,
        "{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"slow down\"}",
        Map.of("Retry-After", "30"));

    Run run = Zo.against(gateway, home, "whoami");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Too Many Requests: slow down (retry after 30s)\n");
  }

  @Test
  void errorThatIsNotAProblemShowsTheStatusAndTheStartOfTheBody() {
    gateway.answerText("GET", "/api/v1/status", 502, "upstream exploded\nsecond line");

    Run run = Zo.against(gateway, home, "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("HTTP 502 from the gateway: upstream exploded\n");
  }

  @Test
  void unreachableGatewayExitsThreeAndSuggestsStartingIt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    Run run = Zo.run(Map.of("ZO_TOKEN", "t0k"), home, "status", "--url", url);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo("cannot reach the gateway at " + url + " — is it running? try: bin/zo up\n");
  }

  @Test
  void unknownHostCountsAsUnreachable() {
    Run run =
        Zo.run(Map.of("ZO_TOKEN", "t0k"), home, "status", "--url", "http://zo-gateway.invalid");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("cannot reach the gateway at http://zo-gateway.invalid");
  }

  @Test
  void answerThatIsNotTheExpectedJsonFailsWithOneLine() {
    gateway.answerJson("GET", "/api/v1/me", 200, "<html>proxy login</html>");

    Run run = Zo.against(gateway, home, "whoami");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("the gateway answered with something zo cannot read");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void withJsonAnErrorIsPrintedAsTheProblemItself() {
    String problem =
        "{\"type\":\"https://zoclone.dev/problems/not-found\",\"title\":\"Not Found\","
            + "\"status\":404,\"detail\":\"no job j9\"}";
    gateway.answerProblem("GET", "/api/v1/jobs/j9", 404, problem);

    Run run = Zo.against(gateway, home, "--json", "jobs", "show", "j9");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(problem + "\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withJsonAFailureOfZoItselfIsAProblemObjectToo() {
    Run run = Zo.run(Map.of("ZO_TOKEN", "t"), home, "--json", "status", "--url", "ftp://x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("{\"title\":\"zo failed\",\"detail\":\"invalid gateway URL");
    assertThat(run.err()).contains("\"exit_code\":2}");
  }
}
