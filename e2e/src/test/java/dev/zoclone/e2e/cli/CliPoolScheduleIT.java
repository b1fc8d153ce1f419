package dev.zoclone.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.cli.ZoRun.Result;
import dev.zoclone.e2e.support.LocalPlatform;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI jar against the packaged gateway, pool and scheduler: a job automation is checked with
 * the pool's rules when created, --every phrases, -o yaml, id prefixes, and nodes rm of an OFFLINE
 * node only.
 */
class CliPoolScheduleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static LocalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform =
        LocalPlatform.builder()
            .service("pool")
            .service("scheduler")
            .property("pool", "zo.pool.node-offline-after", "20s")
            .start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aJobAutomationIsCheckedWithThePoolsRulesAndAnEveryPhraseBecomesItsRule() throws Exception {
    Map<String, String> asAnn = Map.of("ZO_TOKEN", platform.newUserToken(unique("ann")));
    String[] add = {"schedule", "add", "--title", "nightly", "--every", "weekday at 9"};

    Result unknownKind = zo(asAnn, concat(add, "--tz", "UTC", "--job", "python"));
    Result noCommand =
        zo(asAnn, concat(add, "--tz", "UTC", "--job", "shell", "--payload", "{\"args\":[1]}"));
    Result created =
        zo(
            asAnn,
            concat(add, "--tz", "UTC", "--job", "shell", "--payload", "{\"command\":\"date\"}"));

    assertThat(unknownKind.exitCode()).isEqualTo(1);
    assertThat(unknownKind.err())
        .contains("action.payload.kind")
        .contains("shell, http, agent, skill");
    assertThat(noCommand.exitCode()).isEqualTo(1);
    assertThat(noCommand.err())
        .contains("action.payload.payload.command: is required")
        .contains("action.payload.payload.args: must be an array of strings");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.err())
        .contains(
            "--every 'weekday at 9' is --rrule"
                + " 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0'");

    JsonNode list = JSON.readTree(zo(asAnn, "schedule", "ls", "-o", "json").out());
    assertThat(list.path("automations")).hasSize(1);
    String id = list.path("automations").get(0).path("id").asText();
    Result yaml = zo(asAnn, "schedule", "ls", "-o", "yaml");
    assertThat(yaml.out()).startsWith("automations:\n- ").contains(id).contains("title: nightly");
    Result shown = zo(asAnn, "schedule", "show", id.substring(0, 8));
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out()).contains(id).contains("nightly");
  }

  @Test
  void nodesRmKeepsAnOnlineNodeAndRemovesItOnceOfflineByAnIdPrefix() throws Exception {
    String token = platform.newUserToken(unique("ben"));
    Map<String, String> asBen = Map.of("ZO_TOKEN", token);
    String body = "{\"name\":\"old-laptop\",\"labels\":{},\"slots\":1}";
    String node =
        JSON.readTree(platform.call(token, "POST", "/api/v1/nodes", body).body())
            .path("node_id")
            .asText();
    String prefix = node.substring(0, 8);

    Result online = zo(asBen, "nodes", "rm", prefix);
    assertThat(online.exitCode()).isEqualTo(1);
    assertThat(online.err()).contains("is ONLINE: stop zo node on it first");

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> zo(asBen, "nodes", "ls").out().contains("OFFLINE"));
    Result removed = zo(asBen, "nodes", "rm", prefix);
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(removed.out()).isEqualTo("Removed node " + node + ".\n");
    assertThat(zo(asBen, "nodes", "ls").out()).doesNotContain(node);
  }

  private static Result zo(Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("ZO_URL", platform.gatewayUrl());
    all.put("ZO_HOME", platform.home().toString());
    return ZoRun.jar(platform.repoRoot(), all, args);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
