package dev.zoclone.agents.mcp;

import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Streamable HTTP transport's edges, as raw HTTP (the SDK's client has no call for some of
 * them): a session belongs to its user, a cancelled call's stream ends without a response, and
 * malformed or unauthenticated requests are refused.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class McpTransportTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

  @TestHTTPResource("/mcp")
  URL mcp;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  private HttpRequest.Builder as(String user, String session) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mcp.toString()))
            .timeout(Duration.ofSeconds(60))
            .header("X-Zo-Internal-Secret", "test-internal-secret")
            .header("X-Zo-User", user)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream");
    return session == null ? request : request.header("Mcp-Session-Id", session);
  }

  private HttpResponse<String> post(String user, String session, String body) throws Exception {
    return HTTP.send(
        as(user, session).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String initialize(String user) throws Exception {
    HttpResponse<String> response = post(user, null, INITIALIZE);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"protocolVersion\":\"2025-06-18\"");
    String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(
            post(user, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode())
        .isEqualTo(202);
    return session;
  }

  @Test
  void aSessionIsFoundOnlyByTheUserWhoStartedIt() throws Exception {
    String alice = newUser();
    String session = initialize(alice);
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    HttpResponse<String> mine = post(alice, session, list);
    HttpResponse<String> theirs = post(newUser(), session, list);

    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    assertThat(mine.body()).contains("event: message").contains("memory_recall");
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(theirs.body()).doesNotContain("memory_recall");
  }

  @Test
  void aCancelledCallsStreamEndsWithoutAResponse() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-mcp-0123456789abcd", "gpt-4o-mini");
    MODEL.enqueue(Reply.text("too late").delay(Duration.ofSeconds(20)));
    String session = initialize(user);
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"agents_spawn_all\",\"arguments\":{\"agents\":[{\"prompt\":\"slow\",\"model_name\":"
            + "\"openai:gpt-4o-mini\"}]},\"_meta\":{\"progressToken\":\"p7\"}}}";
    List<String> lines = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> streaming =
        HTTP.sendAsync(
            as(user, session).POST(HttpRequest.BodyPublishers.ofString(call)).build(),
            HttpResponse.BodyHandlers.ofLines());
    CompletableFuture<Void> read =
        streaming.thenAccept(response -> response.body().forEach(lines::add));
    // The first progress notification says the call is running.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lines.stream().anyMatch(line -> line.contains("notifications/progress")));

    HttpResponse<String> cancelled =
        post(
            user,
            session,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                + "{\"requestId\":7,\"reason\":\"the user changed their mind\"}}");

    assertThat(cancelled.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(read::isDone);
    assertThat(lines).noneMatch(line -> line.contains("\"id\":7"));
  }

  @Test
  void aRequestWithoutTheGatewaysSecretIs401() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(mcp.toString()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void malformedMessagesAndMissingSessionsAreRefusedWithJsonRpcErrors() throws Exception {
    String user = newUser();

    HttpResponse<String> garbage = post(user, null, "{not json");
    HttpResponse<String> noSession =
        post(user, null, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
    HttpResponse<String> unknownSession =
        post(user, "no-such-session", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}");
    HttpResponse<String> listen =
        HTTP.send(as(user, null).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).contains("-32700");
    assertThat(noSession.statusCode()).isEqualTo(400);
    assertThat(noSession.body()).contains("Mcp-Session-Id");
    assertThat(unknownSession.statusCode()).isEqualTo(404);
    assertThat(listen.statusCode()).isEqualTo(405);
  }

  @Test
  void anUnknownMethodIsMethodNotFound() throws Exception {
    String user = newUser();
    String session = initialize(user);

    HttpResponse<String> response =
        post(user, session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/teleport\"}");

    assertThat(response.body()).contains("-32601").contains("\"id\":5");
  }

  @Test
  void deleteEndsTheSession() throws Exception {
    String user = newUser();
    String session = initialize(user);

    HttpResponse<String> ended =
        HTTP.send(as(user, session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> after =
        post(user, session, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}");

    assertThat(ended.statusCode()).isEqualTo(200);
    assertThat(after.statusCode()).isEqualTo(404);
  }
}
