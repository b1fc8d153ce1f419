package dev.zoclone.scheduler.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.zoclone.scheduler.Api;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class AutomationResourceTest {
  private static final String PREVIEW = "/api/v1/automations/preview";

  private ValidatableResponse preview(Map<String, Object> body) {
    return Api.as("alice").body(body).post(PREVIEW).then();
  }

  private static Map<String, Object> rule(String rrule, String tzid) {
    return Map.of("rrule", rrule, "dtstart", "2026-01-01T09:00", "tzid", tzid, "count", 3);
  }

  @Test
  void previewListsLocalAndUtcTimesExactlyAsSpecified() {
    preview(
            Map.of(
                "rrule", "RRULE:FREQ=DAILY;COUNT=10",
                "dtstart", "1997-09-02T09:00",
                "tzid", "America/New_York",
                "count", 2))
        .statusCode(200)
        .body("occurrences", hasSize(2))
        .body("occurrences[0].local", is("1997-09-02T09:00:00"))
        .body("occurrences[0].utc", is("1997-09-02T13:00:00Z"))
        .body("occurrences[1].local", is("1997-09-03T09:00:00"));
  }

  @Test
  void previewStopsWhereTheRuleEndsAndHonoursExdates() {
    preview(
            Map.of(
                "rrule", "FREQ=DAILY;COUNT=3",
                "dtstart", "2026-01-01T09:00",
                "tzid", "Europe/Berlin",
                "exdates", List.of("2026-01-02T09:00:00"),
                "count", 10))
        .statusCode(200)
        .body("occurrences.local", contains("2026-01-01T09:00:00", "2026-01-03T09:00:00"))
        .body("occurrences.utc", contains("2026-01-01T08:00:00Z", "2026-01-03T08:00:00Z"));
  }

  @Test
  void previewOfFridayTheThirteenthInBerlin() {
    preview(
            Map.of(
                "rrule", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
                "dtstart", "2026-01-01T09:00",
                "tzid", "Europe/Berlin",
                "count", 5))
        .statusCode(200)
        .body(
            "occurrences.local",
            contains(
                "2026-02-13T09:00:00",
                "2026-03-13T09:00:00",
                "2026-11-13T09:00:00",
                "2027-08-13T09:00:00",
                "2028-10-13T09:00:00"));
  }

  @Test
  void previewRejectionsAreProblemsNamingThePart() {
    Map<String, String> cases =
        Map.of(
            "FREQ=SOMETIMES", "rrule.FREQ",
            "FREQ=DAILY;BYCENTURY=1", "rrule.BYCENTURY",
            "FREQ=MONTHLY;BYMONTHDAY=32", "rrule.BYMONTHDAY",
            "FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z", "rrule.COUNT",
            "FREQ=MONTHLY;BYSETPOS=2", "rrule.BYSETPOS",
            "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", "rrule");
    cases.forEach(
        (rrule, field) ->
            preview(rule(rrule, "Europe/Berlin"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://zoclone.dev/problems/invalid-recurrence"))
                .body("errors[0].field", is(field)));
    preview(rule("FREQ=DAILY", "Europe/Atlantis"))
        .statusCode(400)
        .body("errors[0].field", is("tzid"))
        .body("detail", containsString("Europe/Atlantis"));
  }

  @Test
  void previewCountIsRequiredAndBounded() {
    preview(Map.of("rrule", "FREQ=DAILY", "dtstart", "2026-01-01T09:00", "tzid", "UTC"))
        .statusCode(400)
        .body("errors[0].field", is("count"));
    preview(
            Map.of(
                "rrule", "FREQ=DAILY", "dtstart", "2026-01-01T09:00", "tzid", "UTC", "count", 5000))
        .statusCode(400)
        .body("errors[0].field", is("count"));
  }

  @Test
  void createdAutomationShowsNextRunsAndOnlyItsOwnerSeesIt() {
    String id =
        Api.as("bob")
            .body(
                Map.of(
                    "title", "standup reminder",
                    "rrule", "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=30",
                    "dtstart", "2026-01-05T09:30",
                    "tzid", "Europe/Berlin",
                    "action", Map.of("type", "ask", "prompt", "What is on my calendar today?")))
            .post("/api/v1/automations")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/automations/"))
            .body("next_runs", hasSize(5))
            .body("next_runs[0].local", containsString("T09:30:00"))
            .body("catch_up", is("once"))
            .body("active", is(true))
            .extract()
            .path("id");

    Api.as("bob")
        .get("/api/v1/automations/" + id)
        .then()
        .statusCode(200)
        .body("title", is("standup reminder"));
    Api.as("bob")
        .get("/api/v1/automations")
        .then()
        .statusCode(200)
        .body("automations.id", contains(id));
    Api.as("mallory").get("/api/v1/automations/" + id).then().statusCode(404);
    Api.as("mallory")
        .get("/api/v1/automations")
        .then()
        .statusCode(200)
        .body("automations", empty());
    Api.as("mallory").delete("/api/v1/automations/" + id).then().statusCode(404);
    Api.as("bob")
        .get("/api/v1/automations/" + id + "/runs")
        .then()
        .statusCode(200)
        .body("runs", empty());
  }

  @Test
  void pauseEmptiesNextRunsAndResumePlansThemAgain() {
    String id = createDaily("carol", Map.of("type", "kafka", "topic", "automations.carol.events"));
    Api.as("carol")
        .body(Map.of("active", false))
        .patch("/api/v1/automations/" + id)
        .then()
        .statusCode(200)
        .body("active", is(false))
        .body("next_runs", empty());
    Api.as("carol")
        .body(Map.of("active", true, "title", "renamed"))
        .patch("/api/v1/automations/" + id)
        .then()
        .statusCode(200)
        .body("active", is(true))
        .body("title", is("renamed"))
        .body("next_runs", not(empty()));
    Api.as("carol").delete("/api/v1/automations/" + id).then().statusCode(204);
    Api.as("carol").get("/api/v1/automations/" + id).then().statusCode(404);
  }

  @Test
  void webhookSecretIsNeverShownBackAndIsKeptOnEdit() {
    String id =
        createDaily(
            "dave",
            Map.of(
                "type",
                "webhook",
                "url",
                "http://127.0.0.1:9/hook",
                "secret",
                "0123456789abcdef!"));
    Api.as("dave")
        .get("/api/v1/automations/" + id)
        .then()
        .body("action.url", equalTo("http://127.0.0.1:9/hook"))
        .body("action.secret", nullValue());
    Api.as("dave")
        .body(Map.of("action", Map.of("type", "webhook", "url", "http://127.0.0.1:9/other")))
        .patch("/api/v1/automations/" + id)
        .then()
        .statusCode(200)
        .body("action.url", is("http://127.0.0.1:9/other"));
    Api.as("dave").delete("/api/v1/automations/" + id).then().statusCode(204);
  }

  @Test
  void aWebhookAtTheMetadataAddressIsRefusedWhenCreated() {
    Api.as("erin")
        .body(
            Map.of(
                "title",
                "x",
                "rrule",
                "FREQ=DAILY",
                "tzid",
                "UTC",
                "action",
                Map.of(
                    "type",
                    "webhook",
                    "url",
                    "http://169.254.169.254/latest/meta-data",
                    "secret",
                    "0123456789abcdef!")))
        .post("/api/v1/automations")
        .then()
        .statusCode(400)
        .body("type", containsString("egress-refused"))
        .body("errors[0].field", is("action.url"));
  }

  @Test
  void invalidActionsAndFieldsAreNamed() {
    Map<String, Object> base = Map.of("title", "x", "rrule", "FREQ=DAILY", "tzid", "UTC");
    assertThat(
            List.of(
                problemField(with(base, "action", Map.of("type", "teleport"))),
                problemField(with(base, "action", Map.of("type", "ask"))),
                problemField(with(base, "action", Map.of("type", "job", "payload", Map.of()))),
                problemField(with(base, "action", Map.of("type", "kafka", "topic", "bad topic!"))),
                problemField(
                    with(
                        base,
                        "action",
                        Map.of(
                            "type", "webhook", "url", "ftp://x/y", "secret", "0123456789abcdef"))),
                problemField(with(base, "action", Map.of("type", "webhook", "url", "https://x/y"))),
                problemField(
                    with(
                        with(base, "action", Map.of("type", "ask", "prompt", "hi")),
                        "catch_up",
                        "sometimes"))))
        .containsExactly(
            "action.type",
            "action.prompt",
            "action.payload.kind",
            "action.topic",
            "action.url",
            "action.secret",
            "catch_up");
  }

  @Test
  void jobActionsAreCheckedWithThePoolsRulesWhenCreated() {
    Map<String, Object> base = Map.of("title", "x", "rrule", "FREQ=DAILY", "tzid", "UTC");
    Api.as("erin")
        .body(with(base, "action", Map.of("type", "job", "payload", Map.of("kind", "python"))))
        .post("/api/v1/automations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors[0].field", is("action.payload.kind"))
        .body("errors[0].message", containsString("shell, http, agent, skill"));
    Map<String, Object> badShell =
        Map.of(
            "kind", "shell", "payload", Map.of("args", List.of(1)), "timeout_s", 0, "priority", 5);
    Api.as("erin")
        .body(with(base, "action", Map.of("type", "job", "payload", badShell)))
        .post("/api/v1/automations")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            contains(
                "action.payload.payload.command",
                "action.payload.payload.args",
                "action.payload.timeout_s"))
        .body("detail", containsString("action.payload.payload.command: is required"));
    Api.as("erin")
        .body(
            with(
                base,
                "action",
                Map.of("type", "job", "payload", Map.of("kind", "shell", "timeout_s", "soon"))))
        .post("/api/v1/automations")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("action.payload"));
    Api.as("erin")
        .body(
            with(
                base,
                "action",
                Map.of(
                    "type",
                    "job",
                    "payload",
                    Map.of(
                        "kind", "http", "payload", Map.of("method", "GET", "url", "https://x/")))))
        .post("/api/v1/automations")
        .then()
        .statusCode(201);
  }

  @Test
  void freeFormFieldsStoredForLaterSendingAreCapped() {
    Map<String, Object> base = Map.of("title", "x", "rrule", "FREQ=DAILY", "tzid", "UTC");
    String topic = "automations.erin.capped";
    assertThat(
            List.of(
                problemField(
                    with(base, "action", Map.of("type", "ask", "prompt", "p".repeat(32_769)))),
                problemField(
                    with(
                        base,
                        "action",
                        Map.of(
                            "type",
                            "kafka",
                            "topic",
                            topic,
                            "payload",
                            Map.of("blob", "b".repeat(70_000))))),
                problemField(
                    with(
                        base,
                        "action",
                        Map.of(
                            "type",
                            "webhook",
                            "url",
                            "https://x/" + "u".repeat(2_100),
                            "secret",
                            "0123456789abcdef"))),
                problemField(
                    with(
                        with(base, "action", Map.of("type", "ask", "prompt", "hi")),
                        "rrule",
                        "FREQ=DAILY;" + "BYHOUR=1;".repeat(200)))))
        .containsExactly("action.prompt", "action.payload", "action.url", "rrule");
    Api.as("erin")
        .body(with(base, "action", Map.of("type", "ask", "prompt", "p".repeat(32_768))))
        .post("/api/v1/automations")
        .then()
        .statusCode(201);
  }

  @Test
  void kafkaActionsPublishOnlyToTheCallersOwnTopicsWhichTheServiceCreates() throws Exception {
    Map<String, Object> base = Map.of("title", "x", "rrule", "FREQ=DAILY", "tzid", "UTC");
    for (String topic :
        List.of(
            "zo.agent.requests",
            "__consumer_offsets",
            "automations.erin-not.events",
            "erin.events",
            "automations.erin.")) {
      assertThat(problemField(with(base, "action", Map.of("type", "kafka", "topic", topic))))
          .as(topic)
          .isEqualTo("action.topic");
    }
    String topic = "automations.erin.events-" + java.util.UUID.randomUUID();
    Api.as("erin")
        .body(with(base, "action", Map.of("type", "kafka", "topic", topic)))
        .post("/api/v1/automations")
        .then()
        .statusCode(201);
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", dev.zoclone.testing.infra.LocalInfra.KAFKA_BOOTSTRAP))) {
      assertThat(admin.listTopics().names().get()).contains(topic);
    }
  }

  @Test
  void aUserPastTheAutomationQuotaGetsA409UntilTheyDeleteOne() {
    String user = "quota-" + java.util.UUID.randomUUID();
    Map<String, Object> action = Map.of("type", "ask", "prompt", "hi");
    List<String> ids = new java.util.ArrayList<>();
    // zo.quota.automations is 30 under test (WebhookFairnessTest gives one owner 24)
    for (int i = 0; i < 30; i++) {
      ids.add(createDaily(user, action));
    }

    Api.as(user)
        .body(
            Map.of(
                "title", "one more",
                "rrule", "FREQ=DAILY",
                "tzid", "UTC",
                "action", action))
        .post("/api/v1/automations")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/quota-exceeded"))
        .body("detail", containsString("30 automations"));
    createDaily("someone-else-" + java.util.UUID.randomUUID(), action);

    Api.as(user).delete("/api/v1/automations/" + ids.get(0)).then().statusCode(204);
    createDaily(user, action);
  }

  private static String problemField(Map<String, Object> body) {
    return Api.as("erin")
        .body(body)
        .post("/api/v1/automations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .extract()
        .path("errors[0].field");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    java.util.HashMap<String, Object> copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private static String createDaily(String user, Map<String, Object> action) {
    return Api.as(user)
        .body(
            Map.of(
                "title", "daily",
                "rrule", "FREQ=DAILY;BYHOUR=7",
                "tzid", "America/New_York",
                "action", action))
        .post("/api/v1/automations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
