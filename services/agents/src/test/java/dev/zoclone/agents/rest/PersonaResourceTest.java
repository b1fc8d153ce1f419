package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class PersonaResourceTest {
  @Test
  void aPersonaHasSkillsOnUnlessItTurnsThemOffAndAnUpdateWithoutTheFieldKeepsIt() {
    String user = newUser();
    as(user)
        .body("{\"name\":\"plain\",\"system_prompt\":\"Be brief.\"}")
        .post("/api/v1/personas")
        .then()
        .statusCode(201)
        .body("skills", is(true));
    String id =
        as(user)
            .body("{\"name\":\"quiet\",\"system_prompt\":\"Be brief.\",\"skills\":false}")
            .post("/api/v1/personas")
            .then()
            .statusCode(201)
            .body("skills", is(false))
            .extract()
            .path("id");

    as(user)
        .body("{\"name\":\"quieter\",\"system_prompt\":\"Be briefer.\"}")
        .put("/api/v1/personas/" + id)
        .then()
        .statusCode(200)
        .body("name", is("quieter"))
        .body("skills", is(false));
    as(user).get("/api/v1/personas/" + id).then().statusCode(200).body("skills", is(false));

    as(user)
        .body("{\"name\":\"quieter\",\"system_prompt\":\"Be briefer.\",\"skills\":true}")
        .put("/api/v1/personas/" + id)
        .then()
        .statusCode(200)
        .body("skills", is(true));
    as(user)
        .get("/api/v1/personas")
        .then()
        .statusCode(200)
        .body("personas.find { it.id == '" + id + "' }.skills", is(true));
  }

  @Test
  void aNameOrPromptOverItsMaximumIsA400NamingTheField() {
    String user = newUser();
    as(user)
        .body(java.util.Map.of("name", "n".repeat(1_000_000), "system_prompt", "Be brief."))
        .post("/api/v1/personas")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("name"));
    as(user)
        .body(java.util.Map.of("name", "long", "system_prompt", "p".repeat(32_769)))
        .post("/api/v1/personas")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("system_prompt"));
    as(user).get("/api/v1/personas").then().statusCode(200).body("personas.size()", is(0));
  }

  @Test
  void skillsThatAreNotABooleanAreA400() {
    as(newUser())
        .body("{\"name\":\"odd\",\"system_prompt\":\"Be brief.\",\"skills\":\"maybe\"}")
        .post("/api/v1/personas")
        .then()
        .statusCode(400);
  }
}
