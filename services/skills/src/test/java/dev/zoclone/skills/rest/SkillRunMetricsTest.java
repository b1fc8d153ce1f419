package dev.zoclone.skills.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.skills.TestSkills;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Skill runs are counted and timed in {@code zo.skills.runs} by how they ended. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class SkillRunMetricsTest {
  private static final String SUCCESS = "zo_skills_runs_seconds_count{outcome=\"success\"}";
  private static final String FAILURE = "zo_skills_runs_seconds_count{outcome=\"failure\"}";

  @Test
  void aSucceedingAndAFailingRunAreCountedByOutcome() {
    SkillsCaller bob = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("metered");
    bob.installed(
        TestSkills.tarGz(
            name,
            Map.of(
                "SKILL.md",
                TestSkills.skillMd(name, "Exits as told."),
                "scripts/exit.sh",
                "exit \"$1\"")));
    double successBefore = value(SUCCESS);
    double failureBefore = value(FAILURE);

    bob.run(name, Map.of("args", List.of("0"))).then().statusCode(200);
    bob.run(name, Map.of("args", List.of("3"))).then().statusCode(200);

    // Runs of other tests' Kafka requests may land meanwhile: these two are counted at least.
    assertThat(value(SUCCESS) - successBefore).isGreaterThanOrEqualTo(1.0);
    assertThat(value(FAILURE) - failureBefore).isGreaterThanOrEqualTo(1.0);
    assertThat(scrape()).contains("zo_skills_runs_seconds_bucket{outcome=\"success\"");
  }

  private static double value(String series) {
    return scrape()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
