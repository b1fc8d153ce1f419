package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.agents.support.FakeMemoryService.Conversation;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How an ask finds its model when the request names none or names it badly, and what a provider
 * that cannot be reached leaves behind.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class ModelNamingTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final String SECRET = "sk-naming-0123456789abcdef";

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void aBareModelNameExplainsKeyColonModelAndListsTheCallersKeys() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", SECRET, "gpt-4o-mini");
    openAiKey(user, "lab", MODEL.baseUrl() + "/v1", SECRET, "llama");

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"gpt-4o\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("type", containsString("no-key"))
        .body("detail", containsString("You have no key named 'gpt-4o'"))
        .body("detail", containsString("Name a model as <key>:<model>, e.g. "))
        .body("detail", containsString(":gpt-4o"))
        .body("detail", containsString("Your keys: "))
        .body("detail", containsString("lab"))
        .body("detail", containsString("openai"));
  }

  @Test
  void theOnlyKeysDefaultModelAnswersWhenNoModelIsNamedOrSet() {
    String user = newUser();
    openAiKey(user, "fake", MODEL.baseUrl() + "/v1", SECRET, "m1");
    MODEL.enqueue(Reply.text("from the key's default"));

    as(user)
        .body("{\"input\":\"hi\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("model_name", is("fake:m1"))
        .body("output", is("from the key's default"));
  }

  @Test
  void aKeyNamedAloneUsesItsDefaultModel() {
    String user = newUser();
    openAiKey(user, "fake", MODEL.baseUrl() + "/v1", SECRET, "m2");
    MODEL.enqueue(Reply.text("ok"));

    as(user)
        .body("{\"input\":\"hi\",\"model_name\":\"fake\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("model_name", is("fake:m2"));
  }

  @Test
  void withSeveralKeysAndNoDefaultTheErrorSaysHowToNameOrSetOne() {
    String user = newUser();
    openAiKey(user, "a", MODEL.baseUrl() + "/v1", SECRET, "m");
    openAiKey(user, "b", MODEL.baseUrl() + "/v1", SECRET, "m");

    as(user)
        .body("{\"input\":\"hi\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(400)
        .body("detail", containsString("your keys: a, b"))
        .body("detail", containsString("zo settings set default-model <key>:<model>"));
  }

  @Test
  void anUnreachableProviderNamesTheUrlAndCauseAndTheQuestionIsKept() throws IOException {
    String user = newUser();
    int closed = closedPort();
    openAiKey(user, "down", "http://127.0.0.1:" + closed + "/v1", SECRET, "m");

    as(user)
        .body("{\"input\":\"is anyone there?\",\"model_name\":\"down:m\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(502)
        .body(
            "detail",
            containsString(
                "cannot reach http://127.0.0.1:"
                    + closed
                    + "/v1/chat/completions: connection refused"));

    List<Conversation> conversations = FakeMemoryResource.memory().conversationsOf(user);
    assertThat(conversations).hasSize(1);
    assertThat(conversations.get(0).messages)
        .extracting(ConversationMessage::role, ConversationMessage::content)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("user", "is anyone there?"));
  }

  @Test
  void testingAKeyWhoseProviderIsUnreachableNamesTheUrlAndCause() throws IOException {
    String user = newUser();
    int closed = closedPort();
    openAiKey(user, "down", "http://127.0.0.1:" + closed + "/v1", SECRET, "m");

    as(user)
        .post("/api/v1/keys/down/test")
        .then()
        .statusCode(200)
        .body("ok", is(false))
        .body("error", containsString("cannot reach http://127.0.0.1:" + closed + "/v1"))
        .body("error", containsString("connection refused"));
  }

  @Test
  void aBaseUrlWhoseHostDoesNotResolveIsRefusedWhenTheKeyIsStored() {
    // The egress policy resolves the host when the key is set, so a DNS failure is told then,
    // naming the field and the host, instead of at the first ask.
    String user = newUser();
    as(user)
        .body(
            "{\"provider\":\"openai\",\"api_key\":\""
                + SECRET
                + "\",\"base_url\":\"http://zo-provider.invalid/v1\",\"default_model\":\"m\"}")
        .put("/api/v1/keys/nowhere")
        .then()
        .statusCode(400)
        .body("type", containsString("egress-refused"))
        .body("detail", containsString("base_url"))
        .body("detail", containsString("zo-provider.invalid could not be resolved"));
  }

  @Test
  void theModelsListMarksTheCallersOwnDefault() {
    String user = newUser();
    openAiKey(user, "fake", MODEL.baseUrl() + "/v1", SECRET, "m1");
    as(user).body("{\"default_model\":\"fake:m2\"}").put("/api/v1/settings").then().statusCode(200);

    as(user)
        .get("/api/v1/models")
        .then()
        .statusCode(200)
        .body("models.find { it.model_name == 'fake:m2' }.default", is(true))
        .body("models.find { it.model_name == 'fake:m1' }.default", is(false));
  }

  /** A loopback port nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
