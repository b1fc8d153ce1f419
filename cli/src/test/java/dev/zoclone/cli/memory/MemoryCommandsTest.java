package dev.zoclone.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the memory commands as main wires them against a fake gateway. */
class MemoryCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void memoryAddSendsContentAndMetaAndPrintsTheId() {
    gateway.answerJson("POST", "/api/v1/memories", 201, "{\"id\":\"m1\"}");

    Run run = zo("memory", "add", "our SQL server is db1", "--meta", "topic=infra");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Saved memory m1.\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo("{\"content\":\"our SQL server is db1\",\"meta\":{\"topic\":\"infra\"}}");
  }

  @Test
  void memoryAddOfANearDuplicateNamesTheExistingMemory() {
    gateway.answerJson(
        "POST", "/api/v1/memories", 200, "{\"id\":\"m1\",\"deduplicated_of\":\"m1\"}");

    assertThat(zo("memory", "add", "our SQL server is db1").out())
        .isEqualTo("Already remembered as m1.\n");
  }

  @Test
  void memoryUpdatePutsTheNewTextAndMeta() {
    gateway.answerJson(
        "PUT", "/api/v1/memories/m1", 200, "{\"id\":\"m1\",\"content\":\"db2\",\"version\":2}");

    Run run = zo("memory", "update", "m1", "our SQL server is db2", "--meta", "topic=infra");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Updated memory m1.\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo("{\"content\":\"our SQL server is db2\",\"meta\":{\"topic\":\"infra\"}}");
  }

  @Test
  void memoryHistoryListsTheEarlierVersions() {
    gateway.answerJson(
        "GET",
        "/api/v1/memories/m1/history",
        200,
        "{\"id\":\"m1\",\"versions\":[{\"version\":1,\"content\":\"our SQL\\nserver is db1\","
            + "\"replaced_at\":\"2026-11-24T06:00:00Z\"}]}");
    gateway.answerJson(
        "GET", "/api/v1/memories/m2/history", 200, "{\"id\":\"m2\",\"versions\":[]}");

    Run run = zo("memory", "history", "m1");

    String local =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(
                java.time.Instant.parse("2026-11-24T06:00:00Z")
                    .atZone(java.time.ZoneId.systemDefault()));
    assertThat(run.out())
        .isEqualTo(
            "VERSION  REPLACED AT          CONTENT\n"
                + "1        "
                + local
                + "  our SQL server is db1\n");
    assertThat(zo("memory", "history", "m2").out()).isEqualTo("Memory m2 was never updated.\n");
  }

  @Test
  void memoryGetPrintsMetaAndContent() {
    gateway.answerJson(
        "GET",
        "/api/v1/memories/m1",
        200,
        "{\"id\":\"m1\",\"content\":\"tea, not coffee\",\"meta\":{\"topic\":\"food\"},"
            + "\"version\":2,\"updated_at\":\"2026-11-24T06:00:00Z\"}");

    Run run = zo("memory", "get", "m1");

    String local =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(
                java.time.Instant.parse("2026-11-24T06:00:00Z")
                    .atZone(java.time.ZoneId.systemDefault()));
    assertThat(run.out())
        .matches(
            "Memory m1\n  version: 2\n  updated: "
                + local
                + " \\(\\d+[dhms] ago\\)\n  topic: food\n\ntea, not coffee\n");
  }

  @Test
  void memoryRmOfAnUnknownIdFailsWithTheProblemDetail() {
    gateway.answerProblem(
        "DELETE",
        "/api/v1/memories/nope",
        404,
        "{\"type\":\"https://zoclone.dev/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"memory nope not found\"}");

    Run run = zo("memory", "rm", "nope");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("memory nope not found");
  }

  @Test
  void recallPrintsScoresIdsAndShortenedContentBestFirst() {
    gateway.answerJson(
        "POST",
        "/api/v1/memories/recall",
        200,
        "{\"results\":[{\"id\":\"m1\",\"content\":\"Our SQL server is PostgreSQL\",\"meta\":{},"
            + "\"score\":0.0164},{\"id\":\"m2\",\"content\":\""
            + "x".repeat(100)
            + "\",\"meta\":{},\"score\":0.008}]}");

    Run run = zo("recall", "database", "-k", "2", "--filter", "topic=infra");

    assertThat(run.out())
        .isEqualTo(
            "RANK  SCORE   ID  CONTENT\n"
                + "1     0.0164  m1  Our SQL server is PostgreSQL\n"
                + "2     0.0080  m2  "
                + "x".repeat(79)
                + "…\n");
    assertThat(run.err()).contains("they order the results, and even the best is a small number");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo("{\"query\":\"database\",\"top_k\":2,\"filter\":{\"topic\":\"infra\"}}");
  }

  @Test
  void recallWithNoMatchSaysSo() {
    gateway.answerJson("POST", "/api/v1/memories/recall", 200, "{\"results\":[]}");

    assertThat(zo("recall", "anything").out()).isEqualTo("No memories match.\n");
  }

  @Test
  void conversationsLsPrintsAPageAndHowToGetTheNext() {
    gateway.answerJson(
        "GET",
        "/api/v1/conversations",
        200,
        "{\"conversations\":[{\"id\":\"c2\",\"title\":\"trip\",\"message_count\":4,"
            + "\"created_at\":\"2026-11-24T06:00:00Z\",\"updated_at\":\"2026-11-25T07:00:00Z\"}],"
            + "\"next_cursor\":\"c2\"}");

    Run run = zo("conversations", "ls", "--limit", "1");
    Run wide = zo("conversations", "ls", "-o", "wide");

    String local =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(
                java.time.Instant.parse("2026-11-24T06:00:00Z")
                    .atZone(java.time.ZoneId.systemDefault()));
    assertThat(run.out())
        .matches(
            "ID  TITLE  MESSAGES  CREATED              AGE *\n"
                + "c2  trip   4         "
                + local
                + "  \\d+d\n"
                + "More: zo conversations ls --cursor c2\n");
    assertThat(wide.out().lines().findFirst().orElseThrow())
        .matches("ID  TITLE  MESSAGES  CREATED              AGE +UPDATED");
    assertThat(wide.out())
        .contains(
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(
                    java.time.Instant.parse("2026-11-25T07:00:00Z")
                        .atZone(java.time.ZoneId.systemDefault())));
  }

  @Test
  void conversationsShowPrintsSummaryAndTurns() {
    gateway.answerJson(
        "GET",
        "/api/v1/conversations/c1",
        200,
        "{\"id\":\"c1\",\"title\":\"trip\",\"summary\":\"Planning Oslo.\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"when do I fly?\"},"
            + "{\"role\":\"assistant\",\"content\":\"at seven\"}]}");

    assertThat(zo("conversations", "show", "c1").out())
        .isEqualTo(
            "Conversation c1 (trip)\n  summary: Planning Oslo.\nuser: when do I fly?\n"
                + "assistant: at seven\n");
  }

  @Test
  void conversationsRmDeletesIt() {
    gateway.answerEmpty("DELETE", "/api/v1/conversations/c1", 204);

    Run run = zo("conversations", "rm", "c1");

    assertThat(run.out()).isEqualTo("Deleted conversation c1.\n");
    assertThat(gateway.onlyRequest().method()).isEqualTo("DELETE");
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }
}
