package dev.zoclone.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.e2e.cli.ZoRun.Result;
import dev.zoclone.e2e.support.LocalPlatform;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI jar against the packaged gateway: where the token comes from, tokens listed and revoked
 * by name, users listed, disabled and deleted by an admin, and bin/zo's help.
 */
class CliIdentityIT {
  static LocalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = LocalPlatform.start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void whoamiSaysWhereTheTokenCameFromAndAnEmptyZoTokenIsRefused() throws Exception {
    LocalPlatform.User ann = platform.newUser(unique("ann"));

    Result fromEnv = zo(Map.of("ZO_TOKEN", ann.token()), "whoami");
    Result fromFile = zo(Map.of(), "whoami");
    Result empty = zo(Map.of("ZO_TOKEN", ""), "whoami");

    assertThat(fromEnv.out()).contains("(id " + ann.id() + ")").contains("token from ZO_TOKEN");
    assertThat(fromFile.out())
        .contains("admin)")
        .contains("token from the admin-token file " + platform.home().resolve("admin-token"));
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("ZO_TOKEN is set but empty");
    assertThat(empty.out()).isEmpty();
  }

  @Test
  void aRevokedTokenIsListedNoMoreAndItsRefusalNamesTheSource() throws Exception {
    LocalPlatform.User ben = platform.newUser(unique("ben"));
    Map<String, String> asBen = Map.of("ZO_TOKEN", ben.token());
    Result created = zo(asBen, "tokens", "create", "--name", "laptop");
    String laptop =
        created
            .out()
            .lines()
            .filter(l -> l.startsWith("Token: "))
            .findFirst()
            .orElseThrow()
            .substring(7);

    Result listed = zo(asBen, "tokens", "ls");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).startsWith("ID").contains("default").contains("laptop");
    assertThat(listed.out()).doesNotContain(ben.token()).doesNotContain(laptop);

    Result removed = zo(asBen, "tokens", "rm", "laptop");
    assertThat(removed.exitCode()).as(removed.err()).isZero();

    assertThat(zo(asBen, "tokens", "ls").out()).doesNotContain("laptop");
    Result refused = zo(Map.of(), "whoami", "--token", laptop);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("(the token came from --token)");
  }

  @Test
  void anAdminListsDisablesEnablesAndRemovesAUser() throws Exception {
    String name = unique("cid");
    LocalPlatform.User cid = platform.newUser(name);
    Map<String, String> asCid = Map.of("ZO_TOKEN", cid.token());

    Result listed = zo(Map.of(), "users", "ls");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(cid.id()).contains(name);

    assertThat(zo(Map.of(), "users", "disable", name).out())
        .isEqualTo("Disabled user " + name + ".\n");
    assertThat(zo(asCid, "whoami").exitCode()).isEqualTo(1);
    assertThat(zo(Map.of(), "users", "ls").out())
        .containsPattern(cid.id() + " +" + name + " +no +disabled");
    assertThat(zo(Map.of(), "users", "enable", cid.id()).exitCode()).isZero();
    assertThat(zo(asCid, "whoami").exitCode()).isZero();

    Result users = zo(asCid, "users", "ls");
    assertThat(users.exitCode()).isEqualTo(1);
    assertThat(users.err()).contains("Only an admin may list users");

    assertThat(zo(Map.of(), "users", "rm", name).exitCode()).isZero();
    assertThat(zo(asCid, "whoami").exitCode()).isEqualTo(1);
  }

  @Test
  void binZoHelpListsItsOwnAndEveryCliCommandAndHelpOfOne() throws Exception {
    Map<String, String> env = Map.of("ZO_HOME", platform.home().toString());

    Result help = ZoRun.binZo(platform.repoRoot(), env, "--help");
    Result one = ZoRun.binZo(platform.repoRoot(), env, "help", "jobs", "submit");
    Result upHelp = ZoRun.binZo(platform.repoRoot(), env, "up", "--help");

    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out())
        .contains("infra up|down", "logs <service> [-f]")
        .contains("Identity:", "Compute pool:", "Automations:")
        .containsPattern("(?m)^  settings +Your ask defaults")
        .containsPattern("(?m)^  schedule +");
    assertThat(help.out().lines()).allSatisfy(l -> assertThat(l).hasSizeLessThan(81));
    assertThat(one.out()).startsWith("Usage: zo jobs submit").contains("Examples:");
    assertThat(upHelp.exitCode()).isZero();
    assertThat(upHelp.out()).startsWith("Usage: bin/zo <command>");
  }

  private static Result zo(Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("ZO_URL", platform.gatewayUrl());
    all.put("ZO_HOME", platform.home().toString());
    return ZoRun.jar(platform.repoRoot(), all, args);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
