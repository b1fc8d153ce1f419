package dev.zoclone.cli.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zo personas ls|add|rm} and {@code zo usage} as main wires them, against a fake gateway.
 */
class PersonaAndUsageCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void personasAddSendsNamePromptSkillsAndTools() {
    gateway.answerJson(
        "POST", "/api/v1/personas", 201, "{\"id\":\"p1\",\"name\":\"pirate\",\"skills\":false}");

    Run run =
        zo(
            "personas",
            "add",
            "pirate",
            "--prompt",
            "Talk like a pirate.",
            "--no-skills",
            "--tools",
            "memory,automations");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("Created persona pirate (p1); use it with zo ask --persona p1\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo(
            "{\"name\":\"pirate\",\"system_prompt\":\"Talk like a pirate.\",\"skills\":false,"
                + "\"tools\":[\"memory\",\"automations\"]}");
  }

  @Test
  void personasLsPrintsATableAndWideAddsThePrompt() {
    gateway.answerJson(
        "GET",
        "/api/v1/personas",
        200,
        "{\"personas\":[{\"id\":\"p1\",\"name\":\"pirate\",\"system_prompt\":\"Talk\\nlike a"
            + " pirate.\",\"skills\":true,\"tools\":null,\"created_at\":null}]}");

    Run run = zo("personas", "ls");
    Run wide = zo("personas", "ls", "-o", "wide");

    assertThat(run.out())
        .isEqualTo(
            """
            ID  NAME    SKILLS  TOOLS  CREATED  AGE
            p1  pirate  yes     all    -        -
            """);
    assertThat(wide.out().lines().toList().get(1)).endsWith("  Talk like a pirate.");
  }

  @Test
  void personasRmTakesAUniquePrefix() {
    gateway.answerJson(
        "GET", "/api/v1/personas", 200, "{\"personas\":[{\"id\":\"p1-abc\"},{\"id\":\"q2\"}]}");
    gateway.answerEmpty("DELETE", "/api/v1/personas/p1-abc", 204);

    Run run = zo("personas", "rm", "p1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Deleted persona p1-abc.\n");
  }

  @Test
  void usagePrintsEachKeyAndModelWithATotal() {
    gateway.answerJson(
        "GET",
        "/api/v1/usage",
        200,
        "{\"usage\":[{\"key_name\":\"openai\",\"model\":\"gpt-4o\",\"calls\":3,"
            + "\"input_tokens\":1200,\"output_tokens\":300},{\"key_name\":\"lab\","
            + "\"model\":\"llama3.2\",\"calls\":1,\"input_tokens\":10,\"output_tokens\":5}]}");

    Run run = zo("usage");

    assertThat(run.out())
        .isEqualTo(
            """
            KEY     MODEL     CALLS  INPUT TOKENS  OUTPUT TOKENS
            openai  gpt-4o    3      1200          300
            lab     llama3.2  1      10            5
            TOTAL   -         4      1210          305
            """);
  }

  @Test
  void usageWithoutCallsSaysSo() {
    gateway.answerJson("GET", "/api/v1/usage", 200, "{\"usage\":[]}");

    assertThat(zo("usage").out()).isEqualTo("No model calls yet.\n");
  }

  @Test
  void usageSinceAWeekAsksForSevenDaysAndPrintsEachDayThenEachModel() {
    gateway.answerJson(
        "GET",
        "/api/v1/usage/daily",
        200,
        "{\"from\":\"2026-11-24\",\"to\":\"2026-11-30\",\"days\":["
            + "{\"day\":\"2026-11-25\",\"key_name\":\"openai\",\"model\":\"gpt-4o\","
            + "\"calls\":2,\"input_tokens\":100,\"output_tokens\":20},"
            + "{\"day\":\"2026-11-25\",\"key_name\":\"lab\",\"model\":\"llama3.2\","
            + "\"calls\":1,\"input_tokens\":10,\"output_tokens\":5},"
            + "{\"day\":\"2026-11-30\",\"key_name\":\"openai\",\"model\":\"gpt-4o\","
            + "\"calls\":3,\"input_tokens\":300,\"output_tokens\":30}]}");

    Run run = zo("usage", "--since", "7d");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(gateway.onlyRequest().query()).isEqualTo("days=7");
    assertThat(run.out())
        .isEqualTo(
            """
            From 2026-11-24 to 2026-11-30 (UTC):
            DAY         KEY     MODEL     CALLS  INPUT TOKENS  OUTPUT TOKENS
            2026-11-25  openai  gpt-4o    2      100           20
            2026-11-25  lab     llama3.2  1      10            5
            2026-11-30  openai  gpt-4o    3      300           30

            MODEL          CALLS  INPUT TOKENS  OUTPUT TOKENS
            lab:llama3.2   1      10            5
            openai:gpt-4o  5      400           50
            TOTAL          6      410           55
            """);
  }

  @Test
  void usageSinceWeeksOrADateAsksForThoseDays() {
    gateway.answerJson(
        "GET",
        "/api/v1/usage/daily",
        200,
        "{\"from\":\"2026-11-17\",\"to\":\"2026-11-30\",\"days\":[]}");
    String tenDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(9).toString();

    Run weeks = zo("usage", "--since", "2w");
    Run date = zo("usage", "--since", tenDaysAgo);

    assertThat(weeks.out()).isEqualTo("No model calls from 2026-11-17 to 2026-11-30 (UTC).\n");
    assertThat(date.exitCode()).as(date.err()).isZero();
    assertThat(gateway.requests())
        .extracting(FakeGateway.Request::query)
        .containsExactly("days=14", "days=10");
  }

  @Test
  void usageSinceSomethingElseIsAUsageErrorBeforeAnyCall() {
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    Run word = zo("usage", "--since", "yesterday");
    Run future = zo("usage", "--since", tomorrow);
    Run tooLong = zo("usage", "--since", "60w");

    assertThat(word.exitCode()).isEqualTo(2);
    assertThat(word.err()).contains("give Nd (7d), Nw (2w) or a date (2026-11-01)");
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).contains("is after today");
    assertThat(tooLong.exitCode()).isEqualTo(2);
    assertThat(tooLong.err()).contains("covers 420 days; 1 to 366 work");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void usageSinceWithJsonPrintsTheDailyAnswer() {
    gateway.answerJson(
        "GET", "/api/v1/usage/daily", 200, "{\"from\":\"a\",\"to\":\"b\",\"days\":[]}");

    Run run = zo("usage", "--since", "1d", "-o", "json");

    assertThat(run.out()).contains("\"days\"");
    assertThat(gateway.onlyRequest().query()).isEqualTo("days=1");
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }
}
