package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class SettingsResourceTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final FakeOpenAiServer BROKEN =
      new FakeOpenAiServer().setDefault(Reply.error(400, "model not found"));

  @AfterAll
  static void stop() {
    MODEL.close();
    BROKEN.close();
  }

  @Test
  void concurrentFirstPutsOfOneUserAllSucceed() throws Exception {
    String user = newUser();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String model = "fast:m" + i;
        answers.add(
            clients.submit(
                () ->
                    as(user)
                        .body("{\"default_model\":\"" + model + "\"}")
                        .put("/api/v1/settings")
                        .statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
    as(user).get("/api/v1/settings").then().statusCode(200);
  }

  @Test
  void settingsStartEmptyAndAreTheCallersOwn() {
    String user = newUser();
    as(user)
        .get("/api/v1/settings")
        .then()
        .statusCode(200)
        .body("default_model", nullValue())
        .body("fallbacks", empty());

    as(user)
        .body("{\"default_model\":\"fast:m\",\"fallbacks\":[\"backup:m\",\"lab\"]}")
        .put("/api/v1/settings")
        .then()
        .statusCode(200)
        .body("default_model", is("fast:m"))
        .body("fallbacks", contains("backup:m", "lab"));

    as(user).get("/api/v1/settings").then().body("default_model", is("fast:m"));
    as(newUser()).get("/api/v1/settings").then().body("default_model", nullValue());
  }

  @Test
  void badModelNamesAreRejectedNamingTheField() {
    String user = newUser();
    as(user)
        .body("{\"default_model\":\":m\"}")
        .put("/api/v1/settings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("default_model"));
    as(user)
        .body("{\"fallbacks\":[\"ok:m\",\" \"]}")
        .put("/api/v1/settings")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("fallbacks[1]"));
    as(user)
        .body("{\"fallbacks\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}")
        .put("/api/v1/settings")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("fallbacks"));
    as(user).get("/api/v1/settings").then().body("fallbacks", empty());
  }

  @Test
  void anAskWithoutAModelUsesTheCallersDefaultModel() {
    String user = newUser();
    openAiKey(user, "mine", MODEL.baseUrl() + "/v1", "sk-mine-0123456789", "never-used");
    as(user)
        .body("{\"default_model\":\"mine:gpt-from-settings\"}")
        .put("/api/v1/settings")
        .then()
        .statusCode(200);
    MODEL.enqueue(Reply.text("from the default"));

    as(user)
        .body("{\"input\":\"hi\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("from the default"))
        .body("model_name", is("mine:gpt-from-settings"));

    assertThat(MODEL.lastRequest().model()).contains("gpt-from-settings");
  }

  @Test
  void anAskWithoutFallbacksTriesTheCallersFallbacksInOrder() {
    String user = newUser();
    openAiKey(user, "broken", BROKEN.baseUrl() + "/v1", "sk-broken-0123456789", "m");
    openAiKey(user, "backup", MODEL.baseUrl() + "/v1", "sk-backup-0123456789", "m");
    as(user)
        .body("{\"fallbacks\":[\"backup:second\"]}")
        .put("/api/v1/settings")
        .then()
        .statusCode(200);
    MODEL.enqueue(Reply.text("from the fallback"));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"broken:m\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("from the fallback"))
        .body("model_name", is("backup:second"));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"broken:m\",\"fallbacks\":[]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(502)
        .body("detail", org.hamcrest.Matchers.containsString("model not found"));
  }
}
