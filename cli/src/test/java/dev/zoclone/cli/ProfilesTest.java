package dev.zoclone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.Zo.Run;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zo login} and {@code --profile}/{@code ZO_PROFILE} against fake gateways. */
class ProfilesTest {
  @TempDir Path home;
  private FakeGateway work;
  private FakeGateway lab;

  @BeforeEach
  void startGateways() throws Exception {
    work = FakeGateway.start();
    lab = FakeGateway.start();
    work.answerJson("GET", "/api/v1/me", 200, "{\"id\":\"u1\",\"name\":\"ada\",\"admin\":false}");
    lab.answerJson("GET", "/api/v1/me", 200, "{\"id\":\"u2\",\"name\":\"bob\",\"admin\":true}");
  }

  @AfterEach
  void stopGateways() {
    work.close();
    lab.close();
  }

  @Test
  void loginChecksTheTokenStoresItPrivatelyAndMakesTheProfileCurrent() throws Exception {
    Run login = login("t-work\n", "--gateway", work.url(), "--profile", "work");

    assertThat(login.exitCode()).as(login.err()).isZero();
    Path config = home.resolve(".config/zoclone/config");
    Path tokenFile = home.resolve(".config/zoclone/tokens/work");
    assertThat(login.out())
        .isEqualTo(
            "Logged in to "
                + work.url()
                + " as ada; profile work is now the current one ("
                + config
                + ").\n");
    assertThat(work.onlyRequest().authorization()).isEqualTo("Bearer t-work");
    assertThat(Files.readString(tokenFile)).isEqualTo("t-work\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(config)).doesNotContain("t-work");

    Run whoami = Zo.run(Map.of(), home, "whoami");

    assertThat(whoami.out())
        .isEqualTo("ada (id u1)\ntoken from profile work (" + tokenFile + ")\n");
    assertThat(work.requests().get(1).authorization()).isEqualTo("Bearer t-work");
  }

  @Test
  void profileAndZoProfileSwitchGatewaysAndTheEnvironmentStillWins() {
    login("t-work\n", "--gateway", work.url(), "--profile", "work");
    login("t-lab\n", "--gateway", lab.url(), "--profile", "lab");

    Run current = Zo.run(Map.of(), home, "whoami");
    Run flagged = Zo.run(Map.of(), home, "--profile", "work", "whoami");
    Run fromEnv = Zo.run(Map.of("ZO_PROFILE", "work"), home, "whoami");
    Run tokenWins = Zo.run(Map.of("ZO_TOKEN", "other"), home, "--profile", "work", "whoami");

    assertThat(current.out()).startsWith("bob (id u2, admin)");
    assertThat(flagged.out()).startsWith("ada (id u1)");
    assertThat(fromEnv.out()).startsWith("ada (id u1)");
    assertThat(tokenWins.out()).contains("token from ZO_TOKEN");
    assertThat(work.requests().get(work.requests().size() - 1).authorization())
        .isEqualTo("Bearer other");
  }

  @Test
  void zoNodeTakesTheProfilesTokenAsItsOwn() {
    login("t-work\n", "--gateway", work.url(), "--profile", "work");
    work.answerProblem(
        "POST",
        "/api/v1/nodes",
        401,
        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"token revoked\"}");

    Run node = Zo.run(Map.of(), home, "node", "--slots", "1");

    assertThat(node.exitCode()).isEqualTo(1);
    assertThat(node.out())
        .contains("node token from profile work (" + home.resolve(".config/zoclone/tokens/work"));
    assertThat(work.requests().get(work.requests().size() - 1).authorization())
        .isEqualTo("Bearer t-work");
  }

  @Test
  void anUnknownProfileIsAUsageErrorNamingTheOthers() {
    login("t-work\n", "--gateway", work.url(), "--profile", "work");

    Run run = Zo.run(Map.of(), home, "--profile", "prod", "whoami");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no profile 'prod'").contains("profiles: work");
  }

  @Test
  void aRefusedTokenOrNoTokenSavesNothing() {
    work.answerProblem(
        "GET",
        "/api/v1/me",
        401,
        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}");

    Run refused = login("bad\n", "--gateway", work.url());
    Run empty = login("", "--gateway", work.url());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("no token on stdin");
    assertThat(home.resolve(".config/zoclone/config")).doesNotExist();
  }

  private Run login(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      String[] all = new String[args.length + 1];
      all[0] = "login";
      System.arraycopy(args, 0, all, 1, args.length);
      return Zo.run(Map.of(), home, all);
    } finally {
      System.setIn(original);
    }
  }
}
