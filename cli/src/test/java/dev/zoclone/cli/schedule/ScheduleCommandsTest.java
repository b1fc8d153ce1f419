package dev.zoclone.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.FakeGateway.Request;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code zo schedule} as main wires it against a fake gateway. */
class ScheduleCommandsTest {
  private static final String AUTOMATION =
      """
      {"id":"a1","title":"standup","rrule":"FREQ=WEEKLY;BYDAY=MO","dtstart":"2026-01-05T09:00:00",
       "tzid":"Europe/Berlin","exdates":[],"action":{"type":"ask","prompt":"summarise my inbox"},
       "active":true,"catch_up":"once","created_at":"2026-01-01T00:00:00Z",
       "next_runs":[{"local":"2026-01-05T09:00:00","utc":"2026-01-05T08:00:00Z"},
                    {"local":"2026-01-12T09:00:00","utc":"2026-01-12T08:00:00Z"}]}
      """;

  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void previewPrintsTheNextFiveFridayTheThirteenthsLocalAndUtc() {
    gateway.answerJson(
        "POST",
        "/api/v1/automations/preview",
        200,
        """
        {"occurrences":[
          {"local":"2026-02-13T09:00:00","utc":"2026-02-13T08:00:00Z"},
          {"local":"2026-03-13T09:00:00","utc":"2026-03-13T08:00:00Z"},
          {"local":"2026-11-13T09:00:00","utc":"2026-11-13T08:00:00Z"},
          {"local":"2027-08-13T09:00:00","utc":"2027-08-13T07:00:00Z"},
          {"local":"2028-10-13T09:00:00","utc":"2028-10-13T07:00:00Z"}]}
        """);

    Run run =
        zo(
            "schedule",
            "preview",
            "--rrule",
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            "--tz",
            "Europe/Berlin",
            "--dtstart",
            "2026-01-01T09:00",
            "--count",
            "5");

    assertThat(run.exitCode()).isZero();
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"rrule\":\"FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13\",\"dtstart\":\"2026-01-01T09:00\","
                + "\"tzid\":\"Europe/Berlin\",\"count\":5}");
    assertThat(gateway.onlyRequest().authorization()).isEqualTo("Bearer t0k");
    assertThat(run.out())
        .isEqualTo(
            """
            DAY  LOCAL (Europe/Berlin)  UTC
            Fri  2026-02-13T09:00:00    2026-02-13T08:00:00Z
            Fri  2026-03-13T09:00:00    2026-03-13T08:00:00Z
            Fri  2026-11-13T09:00:00    2026-11-13T08:00:00Z
            Fri  2027-08-13T09:00:00    2027-08-13T07:00:00Z
            Fri  2028-10-13T09:00:00    2028-10-13T07:00:00Z
            """);
  }

  @Test
  void anInvalidRuleIsOneLineNamingThePartAndExitsOne() {
    gateway.answerProblem(
        "POST",
        "/api/v1/automations/preview",
        400,
        "{\"type\":\"https://zoclone.dev/problems/invalid-recurrence\",\"title\":\"Invalid\","
            + "\"status\":400,\"detail\":\"rrule: BYDAY value XX is not a weekday\"}");

    Run run =
        zo(
            "schedule",
            "preview",
            "--rrule",
            "FREQ=WEEKLY;BYDAY=XX",
            "--tz",
            "UTC",
            "--dtstart",
            "2026-01-01T09:00");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Invalid: rrule: BYDAY value XX is not a weekday\n");
    assertThat(gateway.onlyRequest().body()).contains("\"count\":10");
  }

  @Test
  void addSendsTheRuleAndAskActionAndPrintsTheNextRuns() {
    gateway.answerJson("POST", "/api/v1/automations", 201, AUTOMATION);

    Run run =
        zo(
            "schedule",
            "add",
            "--title",
            "standup",
            "--rrule",
            "FREQ=WEEKLY;BYDAY=MO",
            "--tz",
            "Europe/Berlin",
            "--dtstart",
            "2026-01-05T09:00",
            "--catch-up",
            "skip",
            "--ask",
            "summarise my inbox");

    assertThat(run.exitCode()).isZero();
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"title\":\"standup\",\"rrule\":\"FREQ=WEEKLY;BYDAY=MO\",\"dtstart\":\"2026-01-05T09:00\","
                + "\"tzid\":\"Europe/Berlin\",\"action\":{\"type\":\"ask\",\"prompt\":\"summarise my inbox\"},"
                + "\"catch_up\":\"skip\"}");
    assertThat(run.out())
        .isEqualTo(
            """
            Automation a1: standup
              rule:     FREQ=WEEKLY;BYDAY=MO
              start:    2026-01-05T09:00:00 Europe/Berlin
              action:   ask "summarise my inbox"
              active:   yes
              catch-up: once
              next:     Mon 2026-01-05T09:00:00 (2026-01-05T08:00:00Z)
                        Mon 2026-01-12T09:00:00 (2026-01-12T08:00:00Z)
            """);
  }

  @Test
  void addJobWrapsThePayloadInTheJobBodyAndWebhookSendsItsSecret() {
    gateway.answerJson("POST", "/api/v1/automations", 201, AUTOMATION);

    zo(
        "schedule",
        "add",
        "--title",
        "backup",
        "--rrule",
        "FREQ=DAILY",
        "--tz",
        "UTC",
        "--paused",
        "--job",
        "shell",
        "--payload",
        "{\"command\":\"backup.sh\"}");
    zo(
        "schedule",
        "add",
        "--title",
        "hook",
        "--rrule",
        "FREQ=HOURLY",
        "--tz",
        "UTC",
        "--webhook",
        "https://example.com/hook",
        "--secret",
        "s3cret");

    assertThat(gateway.requests())
        .extracting(Request::body)
        .containsExactly(
            "{\"title\":\"backup\",\"rrule\":\"FREQ=DAILY\",\"tzid\":\"UTC\",\"action\":{\"type\":\"job\","
                + "\"payload\":{\"kind\":\"shell\",\"payload\":{\"command\":\"backup.sh\"}}},\"active\":false}",
            "{\"title\":\"hook\",\"rrule\":\"FREQ=HOURLY\",\"tzid\":\"UTC\",\"action\":{\"type\":\"webhook\","
                + "\"url\":\"https://example.com/hook\",\"secret\":\"s3cret\"}}");
  }

  @Test
  void addNeedsExactlyOneActionAndJsonPayloadBeforeCallingTheGateway() {
    Run none = zo("schedule", "add", "--title", "t", "--rrule", "FREQ=DAILY", "--tz", "UTC");
    Run two =
        zo(
            "schedule",
            "add",
            "--title",
            "t",
            "--rrule",
            "FREQ=DAILY",
            "--tz",
            "UTC",
            "--ask",
            "hi",
            "--kafka",
            "topic");
    Run badJson =
        zo(
            "schedule",
            "add",
            "--title",
            "t",
            "--rrule",
            "FREQ=DAILY",
            "--tz",
            "UTC",
            "--kafka",
            "topic",
            "--payload",
            "{not json");

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("--ask");
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("mutually exclusive");
    assertThat(badJson.exitCode()).isEqualTo(2);
    assertThat(badJson.err()).startsWith("--payload is not JSON");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void lsPrintsATableWithTheNextRun() {
    gateway.answerJson("GET", "/api/v1/automations", 200, "{\"automations\":[" + AUTOMATION + "]}");

    Run run = zo("schedule", "ls");

    assertThat(run.out())
        .isEqualTo(
            "ID  TITLE    RULE                  TZ             ACTION  ACTIVE  NEXT (LOCAL TIME)\n"
                + "a1  standup  FREQ=WEEKLY;BYDAY=MO  Europe/Berlin  ask     yes     "
                + local("2026-01-05T08:00:00Z")
                + "\n");
  }

  @Test
  void runsPrintsTheHistoryWithStatusAndPassesTheLimit() {
    gateway.answerJson(
        "GET",
        "/api/v1/automations/a1/runs",
        200,
        """
        {"runs":[{"id":"r2","automation_id":"a1","occurrence":"2026-01-12T08:00:00Z",
          "local":"2026-01-12T09:00:00","fired_at":"2026-01-12T08:00:00.2Z","status":"FAILED",
          "attempts":5,"detail":"HTTP 503"},
         {"id":"r1","automation_id":"a1","occurrence":"2026-01-05T08:00:00Z",
          "local":"2026-01-05T09:00:00","fired_at":"2026-01-05T08:00:00.1Z","status":"SUCCEEDED",
          "attempts":0}]}
        """);

    Run run = zo("schedule", "runs", "a1", "--limit", "2");

    assertThat(gateway.onlyRequest().path()).isEqualTo("/api/v1/automations/a1/runs");
    assertThat(run.out())
        .isEqualTo(
            "RUN  OCCURRENCE (RULE'S TZ)  FIRED AT             AGE   STATUS     ATTEMPTS  DETAIL\n"
                + "r2   2026-01-12T09:00:00     "
                + local("2026-01-12T08:00:00.2Z")
                + "  "
                + java.time.Duration.between(
                        java.time.Instant.parse("2026-01-12T08:00:00.2Z"), java.time.Instant.now())
                    .toDays()
                + "d  FAILED     5         HTTP 503\n"
                + "r1   2026-01-05T09:00:00     "
                + local("2026-01-05T08:00:00.1Z")
                + "  "
                + java.time.Duration.between(
                        java.time.Instant.parse("2026-01-05T08:00:00.1Z"), java.time.Instant.now())
                    .toDays()
                + "d  SUCCEEDED  -         -\n");
  }

  @Test
  void pauseAndResumePatchOnlyActiveAndShowTheAutomation() {
    String paused =
        AUTOMATION
            .replace("\"active\":true", "\"active\":false")
            .replaceAll("\"next_runs\":\\[[^]]*]", "\"next_runs\":[]");
    gateway.answerJson("GET", "/api/v1/automations/a1", 200, AUTOMATION);
    gateway.answerJson("PATCH", "/api/v1/automations/a1", 200, paused);

    Run pause = zo("schedule", "pause", "a1");
    gateway.answerJson("GET", "/api/v1/automations/a1", 200, paused);
    Run resume = zo("schedule", "resume", "a1");

    assertThat(gateway.requests())
        .filteredOn(r -> r.method().equals("PATCH"))
        .extracting(Request::path, Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/api/v1/automations/a1", "{\"active\":false}"),
            org.assertj.core.groups.Tuple.tuple("/api/v1/automations/a1", "{\"active\":true}"));
    assertThat(pause.out()).contains("  active:   no (paused)\n").contains("  next:     -\n");
    assertThat(resume.exitCode()).isZero();
  }

  @Test
  void pausingAPausedAutomationSaysSoAndSucceedsWithoutAChange() {
    gateway.answerJson(
        "GET",
        "/api/v1/automations/a1",
        200,
        AUTOMATION.replace("\"active\":true", "\"active\":false"));
    gateway.answerJson("PATCH", "/api/v1/automations/a1", 200, AUTOMATION);

    Run pause = zo("schedule", "pause", "a1");
    Run again = zo("schedule", "pause", "a1");
    Run resume = zo("schedule", "resume", "a1", "-o", "json");

    assertThat(pause.exitCode()).isZero();
    assertThat(pause.out()).isEqualTo("Automation a1 is already paused.\n");
    assertThat(again.out()).isEqualTo(pause.out());
    assertThat(resume.exitCode()).as(resume.err()).isZero();
    assertThat(resume.out()).contains("\"active\":true");
    assertThat(gateway.requests())
        .extracting(Request::method)
        .containsExactly("GET", "GET", "GET", "PATCH");
  }

  @Test
  void rmDeletesAndAnUnknownIdIsOneLineAndExitsOne() {
    gateway.answerEmpty("DELETE", "/api/v1/automations/a1", 204);
    gateway.answerProblem(
        "GET",
        "/api/v1/automations/nope",
        404,
        "{\"title\":\"Not found\",\"status\":404,\"detail\":\"automation nope\"}");

    Run rm = zo("schedule", "rm", "a1");
    Run show = zo("schedule", "show", "nope");

    assertThat(rm.exitCode()).isZero();
    assertThat(rm.out()).isEqualTo("Deleted automation a1.\n");
    assertThat(show.exitCode()).isEqualTo(1);
    assertThat(show.err()).isEqualTo("Not found: automation nope\n");
  }

  @Test
  void jsonPrintsTheGatewaysAnswerAsIs() {
    gateway.answerJson("GET", "/api/v1/automations/a1", 200, "{\"id\":\"a1\"}");

    Run run = zo("--json", "schedule", "show", "a1");

    assertThat(run.out()).isEqualTo("{\"id\":\"a1\"}\n");
  }

  @Test
  void previewWithoutDtstartStartsNowInTheZone() {
    gateway.answerJson("POST", "/api/v1/automations/preview", 200, "{\"occurrences\":[]}");
    String before =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Tokyo"))
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .toString();

    Run run = zo("schedule", "preview", "--rrule", "FREQ=DAILY", "--tz", "Asia/Tokyo");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String sent = gateway.onlyRequest().body();
    String dtstart = sent.replaceAll(".*\"dtstart\":\"([^\"]+)\".*", "$1");
    assertThat(dtstart).isGreaterThanOrEqualTo(before).hasSize(16);
  }

  @Test
  void everyPhrasesSendTheRuleTheyMapToAndShowIt() {
    gateway.answerJson("POST", "/api/v1/automations/preview", 200, "{\"occurrences\":[]}");
    gateway.answerJson("POST", "/api/v1/automations", 201, AUTOMATION);

    Run preview =
        zo("schedule", "preview", "--every", "monthly on the last friday at 17:00", "--tz", "UTC");
    Run add =
        zo(
            "schedule",
            "add",
            "--title",
            "r",
            "--every",
            "weekday at 9",
            "--tz",
            "UTC",
            "--ask",
            "x");

    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.err())
        .isEqualTo(
            "--every 'monthly on the last friday at 17:00' is --rrule"
                + " 'FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0;BYSECOND=0'\n");
    assertThat(gateway.requests().get(0).body())
        .contains("\"rrule\":\"FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0;BYSECOND=0\"");
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(gateway.requests().get(1).body())
        .contains("\"rrule\":\"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0\"");
  }

  @Test
  void anUnknownEveryPhraseOrBothRuleFormsAreUsageErrors() {
    Run unknown = zo("schedule", "preview", "--every", "now and then", "--tz", "UTC");
    Run both =
        zo("schedule", "preview", "--every", "every hour", "--rrule", "FREQ=DAILY", "--tz", "UTC");
    Run neither = zo("schedule", "preview", "--tz", "UTC");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("cannot read --every 'now and then'")
        .contains("every 15 minutes")
        .contains("monthly on the last friday at 17:00");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(gateway.requests()).isEmpty();
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }

  private static String local(String utc) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .format(java.time.Instant.parse(utc).atZone(java.time.ZoneId.systemDefault()));
  }
}
