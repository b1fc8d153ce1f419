package dev.zoclone.skills.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.skills.TestSkills;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class SkillRunTest {
  @Test
  void aRunAnswersTheScriptsJsonAndIsStored() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("echo");
    String version = alice.installed(TestSkills.echoSkill(name));

    JsonPath run =
        alice
            .run(name, Map.of("input", Map.of("city", "Paris")))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(run.getInt("exit_code")).isZero();
    assertThat(run.getString("output.got.city")).isEqualTo("Paris");
    assertThat(run.getString("version")).isEqualTo(version);
    assertThat(run.getLong("duration_ms")).isPositive();
    JsonPath runs =
        alice
            .request()
            .queryParam("skill", name)
            .get("/api/v1/skills/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(runs.getList("runs.run_id")).containsExactly(run.getString("run_id"));
    assertThat(runs.getString("runs[0].output.got.city")).isEqualTo("Paris");
    assertThat(runs.getString("runs[0].script")).isEqualTo("scripts/echo.py");
    assertThat(SkillsCaller.fresh().request().get("/api/v1/skills/runs").jsonPath().getList("runs"))
        .isEmpty();
  }

  @Test
  void aSkillWithSeveralScriptsNeedsTheScriptNamed() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("two");
    alice.installed(
        TestSkills.tarGz(
            name,
            Map.of(
                "SKILL.md", TestSkills.skillMd(name, "Two scripts."),
                "scripts/a.py", "print('a')",
                "scripts/b.sh", "echo b")));

    alice
        .run(name, Map.of())
        .then()
        .statusCode(400)
        .body("errors[0].field", is("script"))
        .body("detail", org.hamcrest.Matchers.containsString("a.py, b.sh"));
    alice.run(name, Map.of("script", "b.sh")).then().statusCode(200).body("output", is("b\n"));
  }

  @Test
  void badRunParametersAre400NamingTheField() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("params");
    alice.installed(TestSkills.echoSkill(name));

    alice
        .run(name, Map.of("timeout_ms", 0))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("timeout_ms"));
    alice
        .run(name, Map.of("timeout_ms", 300_001))
        .then()
        .statusCode(400)
        .body("errors[0].field", is("timeout_ms"));
    alice.run("no-such-skill", Map.of()).then().statusCode(404);
  }

  @Test
  void aRunOfASkillWithAMissingRequirementIs409WithTheReason() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("needy");
    alice.installed(
        TestSkills.scriptSkill(name, "py", "print(1)", "metadata:\n  requires: 'zo-missing-tool'"));

    alice
        .run(name, Map.of())
        .then()
        .statusCode(409)
        .body("type", is("https://zoclone.dev/problems/requirement-missing"))
        .body("detail", org.hamcrest.Matchers.containsString("zo-missing-tool is not installed"));
  }

  @Test
  void readinessSaysScriptsRunSandboxed() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'sandbox' }.data.sandbox_available", is(true));
  }

  @Test
  void runsPastTheUsersLimitAre429WithRetryAfter() throws Exception {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("sleepy");
    alice.installed(TestSkills.scriptSkill(name, "sh", "sleep 8; echo done"));

    List<Thread> threads = new java.util.ArrayList<>();
    List<Response> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (int i = 0; i < 6; i++) {
      Thread thread = new Thread(() -> answers.add(alice.run(name, Map.of())));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(120_000);
    }

    List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(answers).hasSize(6);
    assertThat(refused).hasSize(2);
    assertThat(refused.get(0).header("Retry-After")).isEqualTo("1");
    assertThat(refused.get(0).jsonPath().getString("type"))
        .isEqualTo("https://zoclone.dev/problems/too-many-runs");
    assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(4);
    alice.run(name, Map.of("timeout_ms", 100)).then().statusCode(200).body("timed_out", is(true));
  }
}
