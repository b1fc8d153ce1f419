package dev.zoclone.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.FakeGateway.Request;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void usersCreatePostsTheNameAndPrintsTheIdAndTheOneTimeToken() {
    gateway.answerJson(
        "POST",
        "/api/v1/users",
        201,
        "{\"id\":\"u_42\",\"name\":\"grace\",\"token\":\"zo_s3cret\"}");

    Run run = Zo.against(gateway, home, "users", "create", "grace");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Created user grace (id u_42).
            Token: zo_s3cret
            This token is shown only once; store it now, e.g. export ZO_TOKEN=zo_s3cret
            """);
    assertThat(gateway.onlyRequest())
        .extracting(Request::method, Request::path, Request::contentType, Request::body)
        .containsExactly("POST", "/api/v1/users", "application/json", "{\"name\":\"grace\"}");
  }

  @Test
  void usersCreateWithJsonPrintsTheGatewaysAnswer() {
    String body = "{\"id\":\"u_42\",\"name\":\"grace\",\"token\":\"zo_s3cret\"}";
    gateway.answerJson("POST", "/api/v1/users", 201, body);

    Run run = Zo.against(gateway, home, "--json", "users", "create", "grace");

    assertThat(run.out()).isEqualTo(body + "\n");
  }

  @Test
  void tokensCreatePostsTheNameAndPrintsTheOneTimeToken() {
    gateway.answerJson(
        "POST", "/api/v1/tokens", 201, "{\"id\":\"t_7\",\"name\":\"laptop\",\"token\":\"zo_new\"}");

    Run run = Zo.against(gateway, home, "tokens", "create", "--name", "laptop");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Created token laptop (id t_7).
            Token: zo_new
            This token is shown only once; store it now, e.g. export ZO_TOKEN=zo_new
            """);
    assertThat(gateway.onlyRequest())
        .extracting(Request::method, Request::path, Request::body)
        .containsExactly("POST", "/api/v1/tokens", "{\"name\":\"laptop\"}");
  }

  @Test
  void tokensCreateWithoutANameSendsAnEmptyObjectAndPrintsTheBareToken() {
    gateway.answerJson("POST", "/api/v1/tokens", 201, "{\"token\":\"zo_bare\"}");

    Run run = Zo.against(gateway, home, "tokens", "create");

    assertThat(run.out())
        .isEqualTo(
            """
            Token: zo_bare
            This token is shown only once; store it now, e.g. export ZO_TOKEN=zo_bare
            """);
    assertThat(gateway.onlyRequest().body()).isEqualTo("{}");
  }

  @Test
  void tokensRmDeletesTheTokenByIdAndConfirms() {
    gateway.answerEmpty("DELETE", "/api/v1/tokens/t_7", 204);

    Run run = Zo.against(gateway, home, "tokens", "rm", "t_7");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Revoked token t_7.\n");
    assertThat(gateway.onlyRequest())
        .extracting(Request::method, Request::path)
        .containsExactly("DELETE", "/api/v1/tokens/t_7");
  }

  @Test
  void tokensRmOfATokenTheCallerDoesNotOwnReportsNotFound() {
    gateway.answerProblem(
        "DELETE",
        "/api/v1/tokens/t%2F9",
        404,
        "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no token t/9\"}");

    Run run = Zo.against(gateway, home, "tokens", "rm", "t/9");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Not Found: no token t/9\n");
  }

  @Test
  void whoamiPrintsTheNameIdAndAdminFlag() {
    gateway.answerJson(
        "GET", "/api/v1/me", 200, "{\"id\":\"u_1\",\"name\":\"ada\",\"admin\":false}");

    Run run = Zo.against(gateway, home, "whoami");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("ada (id u_1)\ntoken from ZO_TOKEN\n");
    assertThat(gateway.onlyRequest())
        .extracting(Request::method, Request::path, Request::authorization)
        .containsExactly("GET", "/api/v1/me", "Bearer t0k");
  }

  @Test
  void tokensLsShowsLocalTimesAndAgeButNoSecret() {
    String created =
        java.time.Instant.now()
            .minusSeconds(7200)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    gateway.answerJson(
        "GET",
        "/api/v1/tokens",
        200,
        "{\"tokens\":[{\"id\":\"t-1\",\"name\":\"laptop\",\"created_at\":\""
            + created
            + "\",\"last_used_at\":null}]}");

    Run run = Zo.against(gateway, home, "tokens", "ls");

    String local =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(java.time.Instant.parse(created).atZone(java.time.ZoneId.systemDefault()));
    assertThat(run.out())
        .isEqualTo(
            "ID   NAME    CREATED              AGE  LAST USED\n"
                + "t-1  laptop  "
                + local
                + "  2h   -\n");
  }

  @Test
  void usersDisableSendsTheNameAsThePath() {
    gateway.answerJson(
        "POST", "/api/v1/users/bob/disable", 200, "{\"id\":\"u2\",\"disabled\":true}");

    Run run = Zo.against(gateway, home, "users", "disable", "bob");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Disabled user bob.\n");
  }
}
