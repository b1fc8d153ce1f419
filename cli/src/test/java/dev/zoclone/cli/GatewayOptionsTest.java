package dev.zoclone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.Zo.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GatewayOptionsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @BeforeEach
  void answerMe() {
    gateway.answerJson("GET", "/api/v1/me", 200, "{\"id\":\"u1\",\"name\":\"ada\",\"admin\":true}");
  }

  @Test
  void tokenOptionWinsOverTheEnvironmentAndTheAdminTokenFile() throws Exception {
    writeAdminToken(home.resolve(".zoclone"), "from-file");

    Run run =
        Zo.run(
            Map.of("ZO_URL", gateway.url(), "ZO_TOKEN", "from-env"),
            home,
            "whoami",
            "--token",
            "from-option");

    assertThat(run.exitCode()).isZero();
    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer from-option");
  }

  @Test
  void zoTokenVariableWinsOverTheAdminTokenFile() throws Exception {
    writeAdminToken(home.resolve(".zoclone"), "from-file");

    Zo.run(Map.of("ZO_URL", gateway.url(), "ZO_TOKEN", "from-env"), home, "whoami");

    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer from-env");
  }

  @Test
  void adminTokenFileInZoHomeIsUsedWhenNothingElseIsGiven() throws Exception {
    Path zoHome = home.resolve("elsewhere");
    writeAdminToken(zoHome, "from-file\n");

    Run run = Zo.run(Map.of("ZO_URL", gateway.url(), "ZO_HOME", zoHome.toString()), home, "whoami");

    assertThat(run.out())
        .isEqualTo(
            "ada (id u1, admin)\ntoken from the admin-token file "
                + zoHome.resolve("admin-token")
                + "\n");
    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer from-file");
  }

  @Test
  void anEmptyZoTokenIsAUsageErrorNotTheAdminToken() throws Exception {
    writeAdminToken(home.resolve(".zoclone"), "admin-secret\n");

    Run run = Zo.run(Map.of("ZO_URL", gateway.url(), "ZO_TOKEN", ""), home, "whoami");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ZO_TOKEN is set but empty").contains("unset ZO_TOKEN");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void anEmptyTokenFlagIsAUsageError() {
    Run run = Zo.run(Map.of("ZO_URL", gateway.url()), home, "whoami", "--token", " ");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--token is empty");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void whoamiSaysTheTokenCameFromTheEnvironment() {
    Run run = Zo.run(Map.of("ZO_URL", gateway.url(), "ZO_TOKEN", "env-t"), home, "whoami");

    assertThat(run.out()).isEqualTo("ada (id u1, admin)\ntoken from ZO_TOKEN\n");
  }

  @Test
  void aRefusedTokenNamesWhereItCameFrom() {
    gateway.answerProblem(
        "GET",
        "/api/v1/me",
        401,
        "{\"title\":\"Unauthenticated\",\"status\":401,\"detail\":\"invalid token\"}");

    Run run = Zo.run(Map.of("ZO_URL", gateway.url()), home, "whoami", "--token", "stale");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("Unauthenticated: invalid token (the token came from --token)\n");
  }

  @Test
  void zoHomeDefaultsToDotZocloneInTheUsersHome() throws Exception {
    writeAdminToken(home.resolve(".zoclone"), "default-home");

    Zo.run(Map.of("ZO_URL", gateway.url()), home, "whoami");

    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer default-home");
  }

  @Test
  void missingTokenSaysWhereItLookedAndHowToSetOneWhenTheGatewayAsksForIt() {
    gateway.answerProblem(
        "GET", "/api/v1/me", 401, "{\"title\":\"Unauthenticated\",\"status\":401}");

    Run run = Zo.run(Map.of("ZO_URL", gateway.url()), home, "whoami");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("--token was not given")
        .contains("ZO_TOKEN is not set")
        .contains(home.resolve(".zoclone").resolve("admin-token") + " does not exist")
        .contains("bin/zo up");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(gateway.onlyRequest().authorization()).isNull();
  }

  @Test
  void emptyAdminTokenFileIsNamedAsTheProblem() throws Exception {
    writeAdminToken(home.resolve(".zoclone"), "\n");
    gateway.answerProblem(
        "GET", "/api/v1/me", 401, "{\"title\":\"Unauthenticated\",\"status\":401}");

    Run run = Zo.run(Map.of("ZO_URL", gateway.url()), home, "whoami");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(home.resolve(".zoclone").resolve("admin-token") + " is empty");
  }

  @Test
  void missingTokenDoesNotHideAnUnreachableGateway() {
    Run run = Zo.run(Map.of(), home, "status", "--url", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("cannot reach the gateway at http://127.0.0.1:1 ");
  }

  @Test
  void urlOptionWinsOverZoUrlAndMayComeBeforeTheCommand() {
    Run run =
        Zo.run(
            Map.of("ZO_URL", "http://127.0.0.1:1", "ZO_TOKEN", "t0k"),
            home,
            "--url",
            gateway.url() + "/",
            "whoami");

    assertThat(run.exitCode()).isZero();
    assertThat(gateway.onlyRequest().path()).isEqualTo("/api/v1/me");
  }

  @Test
  void urlThatIsNotHttpIsAUsageError() {
    Run run = Zo.run(Map.of("ZO_TOKEN", "t0k"), home, "whoami", "--url", "localhost:8080");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "invalid gateway URL 'localhost:8080': expected something like"
                + " http://127.0.0.1:8080\n");
  }

  private static void writeAdminToken(Path zoHome, String token) throws Exception {
    Files.createDirectories(zoHome);
    Files.writeString(zoHome.resolve("admin-token"), token);
  }
}
