package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A service speaks HTTP/1.1 only (the platform's {@code quarkus.http.http2=false}). Over h2c, a
 * client that resets one streamed answer closed the whole connection, ending every other stream on
 * it: Quarkus's response stream ({@code io.quarkus.vertx.utils.VertxOutputStream}) closes the
 * request's connection when the response reports the reset, and Vert.x's HTTP/2 handler closes the
 * channel when the stream's last write fails after it. The gateway relays over HTTP/1.1, so no
 * caller needs h2c; without it, no client can reach that close.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class Http11OnlyTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final Vertx VERTX = Vertx.vertx();

  @TestHTTPResource("/")
  URI base;

  @AfterAll
  static void stop() throws Exception {
    MODEL.close();
    VERTX.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void anHttp2ConnectionWithPriorKnowledgeIsRefused() throws Exception {
    HttpClient client =
        VERTX.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
    try {
      Future<Integer> status =
          client
              .request(request(HttpMethod.GET, "/q/health/live"))
              .compose(request -> request.send())
              .map(response -> response.statusCode());

      assertThat(settle(status).failed())
          .as("an h2c connection preface gets no HTTP/2 answer: %s", status)
          .isTrue();
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aStreamedAskOfferedAnUpgradeToH2cIsAnsweredOverHttp11() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-http11-0123456789", "gpt-4o-mini");
    MODEL.setDefault(Reply.stream("one", " two", " three"));
    HttpClient client =
        VERTX.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(true));
    try {
      Future<String> answer =
          client
              .request(
                  request(HttpMethod.POST, "/api/v1/ask")
                      .putHeader("X-Zo-User", user)
                      .putHeader("Content-Type", "application/json")
                      .putHeader("Accept", "text/event-stream"))
              .compose(
                  request ->
                      request.send(
                          Buffer.buffer(
                              "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\","
                                  + "\"stream\":true}")))
              .compose(
                  response ->
                      response
                          .body()
                          .map(
                              body ->
                                  response.version() + " " + response.statusCode() + "\n" + body));

      assertThat(settle(answer).result())
          .startsWith("HTTP_1_1 200")
          .contains("event: End")
          .contains("\"output\":\"one two three\"");
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private RequestOptions request(HttpMethod method, String path) {
    return new RequestOptions()
        .setMethod(method)
        .setHost(base.getHost())
        .setPort(base.getPort())
        .setURI(path)
        .putHeader("X-Zo-Internal-Secret", "test-internal-secret");
  }

  /** {@code future} once it has succeeded or failed (within 30 s). */
  private static <T> Future<T> settle(Future<T> future) throws Exception {
    future.otherwiseEmpty().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return future;
  }
}
