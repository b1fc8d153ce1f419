package dev.zoclone.skills.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skillkit.SkillValidation;
import dev.zoclone.skillkit.SkillValidator;
import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The skills in the repository's skills/ folder, each run through the service's route. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ShippedSkillsTest {
  /** zo.skills.repo-dir in the test profile. */
  private static final Path REPO_SKILLS = Path.of("../../skills");

  private static final List<String> SHIPPED =
      List.of(
          "csv-stats",
          "json-schema-check",
          "unit-convert",
          "text-diff",
          "date-math",
          "extractive-summary");

  private final SkillsCaller user = SkillsCaller.fresh();

  private JsonPath run(String skill, Map<String, Object> input) {
    return user.run(skill, Map.of("input", input)).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void everyShippedSkillValidatesAndIsListedAvailableToEveryUser() throws IOException {
    List<Path> folders;
    try (Stream<Path> children = Files.list(REPO_SKILLS)) {
      folders = children.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(folders.stream().map(p -> p.getFileName().toString())).containsAll(SHIPPED);
    for (Path folder : folders) {
      SkillValidation validation = SkillValidator.validate(SkillFiles.fromDirectory(folder));
      assertThat(validation.problems()).as(folder.toString()).isEmpty();
      assertThat(validation.warnings()).as(folder.toString()).isEmpty();
    }
    JsonPath list =
        user.request().get("/api/v1/skills").then().statusCode(200).extract().jsonPath();
    for (String name : SHIPPED) {
      assertThat(list.getString("find { it.name == '" + name + "' }.source")).isEqualTo("repo");
      assertThat(list.getBoolean("find { it.name == '" + name + "' }.available")).isTrue();
    }
  }

  @Test
  void csvStatsDescribesEveryColumn() {
    JsonPath run =
        run("csv-stats", Map.of("csv", "city;temp\nParis;12,5\nOslo;-3\nRome;20\nOslo;\n"));

    assertThat(run.getInt("exit_code")).isZero();
    assertThat(run.getInt("output.rows")).isEqualTo(4);
    assertThat(run.getString("output.delimiter")).isEqualTo(";");
    assertThat(run.getString("output.columns[0].type")).isEqualTo("text");
    assertThat(run.getList("output.columns[0].top[0]")).containsExactly("Oslo", 2);
    assertThat(run.getString("output.columns[1].type")).isEqualTo("number");
    assertThat(run.getDouble("output.columns[1].min")).isEqualTo(-3.0);
    assertThat(run.getDouble("output.columns[1].mean"))
        .isCloseTo(29.5 / 3, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(run.getInt("output.columns[1].empty")).isEqualTo(1);
  }

  @Test
  void jsonSchemaCheckListsEveryViolationWithItsPointer() {
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "required",
            List.of("id", "tags"),
            "properties",
            Map.of(
                "id", Map.of("type", "string", "format", "uuid"),
                "age", Map.of("type", "integer", "minimum", 0),
                "tags",
                    Map.of(
                        "type", "array", "items", Map.of("type", "string"), "uniqueItems", true)),
            "additionalProperties",
            false);

    JsonPath bad =
        run(
            "json-schema-check",
            Map.of("schema", schema, "instance", Map.of("id", "nope", "age", -2, "extra", true)));
    JsonPath good =
        run(
            "json-schema-check",
            Map.of(
                "schema",
                schema,
                "instance",
                Map.of("id", "6f1c1b9e-4c2a-4e8e-9d1a-2b3c4d5e6f70", "tags", List.of("a", "b"))));

    assertThat(bad.getBoolean("output.valid")).isFalse();
    assertThat(bad.getList("output.errors.path"))
        .containsExactlyInAnyOrder("", "/id", "/age", "/extra");
    assertThat(bad.getList("output.errors.keyword"))
        .containsExactlyInAnyOrder("required", "format", "minimum", "additionalProperties");
    assertThat(good.getBoolean("output.valid")).isTrue();
  }

  @Test
  void unitConvertConvertsAcrossSystemsAndRefusesMixedDimensions() {
    JsonPath miles = run("unit-convert", Map.of("value", 26.2, "from", "mi", "to", "km"));
    JsonPath temperature =
        run("unit-convert", Map.of("value", 100, "from", "C", "to", List.of("F", "K")));
    JsonPath mixed =
        user.run("unit-convert", Map.of("input", Map.of("value", 1, "from", "kg", "to", "m")))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(miles.getDouble("output.value"))
        .isCloseTo(42.164813, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(temperature.getDouble("output.results.F")).isEqualTo(212.0);
    assertThat(temperature.getDouble("output.results.K")).isEqualTo(373.15);
    assertThat(mixed.getInt("exit_code")).isEqualTo(2);
    assertThat(mixed.getString("output.error")).contains("cannot convert kg");
  }

  @Test
  void textDiffReportsAUnifiedDiffAndCounts() {
    JsonPath run =
        run("text-diff", Map.of("a", "alpha\nbeta\ngamma\n", "b", "alpha\nBETA\ngamma\ndelta\n"));

    assertThat(run.getBoolean("output.identical")).isFalse();
    assertThat(run.getInt("output.added")).isEqualTo(2);
    assertThat(run.getInt("output.removed")).isEqualTo(1);
    assertThat(run.getString("output.diff")).contains("-beta", "+BETA", "+delta", "@@");
  }

  @Test
  void dateMathHandlesTimeZonesAndDaylightSaving() {
    JsonPath convert =
        run(
            "date-math",
            Map.of(
                "op", "convert",
                "datetime", "2026-07-01T09:00",
                "from_tz", "America/New_York",
                "to_tz", List.of("Europe/Berlin", "Asia/Kolkata")));
    JsonPath add =
        run(
            "date-math",
            Map.of(
                "op", "add",
                "datetime", "2026-03-28T12:00",
                "tz", "Europe/Paris",
                "duration", Map.of("days", 1)));
    JsonPath diff =
        run(
            "date-math",
            Map.of(
                "op", "diff",
                "start", "2026-03-29T00:00",
                "start_tz", "Europe/Paris",
                "end", "2026-03-30T00:00",
                "end_tz", "Europe/Paris"));

    assertThat(convert.getString("output.results.'Europe/Berlin'"))
        .isEqualTo("2026-07-01T15:00:00+02:00");
    assertThat(convert.getString("output.results.'Asia/Kolkata'"))
        .isEqualTo("2026-07-01T18:30:00+05:30");
    assertThat(add.getString("output.result")).isEqualTo("2026-03-29T12:00:00+02:00");
    assertThat(diff.getDouble("output.hours")).isEqualTo(23.0);
  }

  @Test
  void extractiveSummaryKeepsTheMostRepresentativeSentencesInOrder() {
    String text =
        "Solar power is growing fast around the world. Panels convert sunlight into electricity."
            + " My neighbour owns a red bicycle. Cheap solar panels make solar electricity"
            + " affordable for many households. The weather was pleasant on Tuesday.\n\n"
            + "Storage batteries let households use solar electricity at night.";

    JsonPath run = run("extractive-summary", Map.of("text", text, "sentences", 2));

    assertThat(run.getInt("output.total_sentences")).isEqualTo(6);
    List<Integer> indexes = run.getList("output.sentences.index");
    assertThat(indexes).hasSize(2).isSorted();
    assertThat(run.getString("output.summary"))
        .contains("solar")
        .doesNotContain("bicycle", "Tuesday");
    assertThat(run.getList("output.keywords")).contains("solar", "electricity");
  }
}
