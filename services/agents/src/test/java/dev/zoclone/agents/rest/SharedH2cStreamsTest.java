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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Streamed asks sharing one HTTP/2 cleartext connection, as the gateway sends them: a client that
 * resets its stream after the first token must not cost any other stream of that connection.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class SharedH2cStreamsTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final Vertx VERTX = Vertx.vertx();
  static final String ASK =
      "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}";

  @TestHTTPResource("/")
  URI base;

  @AfterAll
  static void stop() throws Exception {
    MODEL.close();
    VERTX.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  // Why the connection closes, from Quarkus 3.33.2 and Vert.x 4.5.27's code and a run with their
  // handlers traced (no upstream issue found):
  // 1. Quarkus's response stream (io.quarkus.vertx.utils.VertxOutputStream, quarkus-vertx-utils)
  //    sets a response exceptionHandler that calls request.connection().close(); Vert.x's
  //    Http2ServerResponse.handleReset reports a client's RST_STREAM to it, so the first reset
  //    closes the whole connection. Replacing that handler in SseWriter keeps the connection past
  //    the reset, but not past cause 2.
  // 2. The stream's last write after the reset (VertxOutputStream.close() ends the response, with
  //    no completion handler) reaches VertxHttp2ConnectionHandler.writeData, which then uses
  //    chctx.voidPromise(); Netty's DefaultHttp2ConnectionEncoder fails a DATA frame for a stream
  //    that no longer exists, the void promise fires exceptionCaught, and
  //    VertxHttp2ConnectionHandler.exceptionCaught closes the channel for any exception that is not
  //    an Http2Exception: a TCP close with no GOAWAY, as seen. (VertxHttp2Stream.checkReset guards
  //    only streams this side reset.) Inferred from the code and the timing of the close (a few
  //    ms after the first hung-up ask stopped); not yet confirmed with a frame log.
  @Test
  @Disabled(
      "fails 6 of 6 runs: a client's RST_STREAM on one SSE stream closes the whole h2c connection,"
          + " in Quarkus's VertxOutputStream (closes the connection on a stream reset) and Vert.x's"
          + " VertxHttp2ConnectionHandler (closes the channel when a write to the reset stream"
          + " fails); see the comment above. The gateway speaks HTTP/1.1 to the services on every"
          + " route, one exchange per connection (ServiceAnswersTest, AskThroughGatewayIT)")
  void streamsResetAfterTheirFirstTokenLeaveTheOthersOnTheConnectionWhole() throws Exception {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-stream-0123456789", "gpt-4o-mini");
    MODEL.setDefault(
        Reply.stream("one", " two", " three", " four", " five", " six")
            .chunkDelay(Duration.ofMillis(150)));
    Set<Object> connections = ConcurrentHashMap.newKeySet();
    HttpClient client =
        VERTX.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setHttp2MaxPoolSize(1)
                .setHttp2MultiplexingLimit(100));
    List<String> connectionEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    client.connectionHandler(
        c -> {
          connections.add(c);
          c.goAwayHandler(g -> connectionEvents.add(at(start) + " GOAWAY " + g.getErrorCode()));
          c.closeHandler(v -> connectionEvents.add(at(start) + " connection closed"));
          c.exceptionHandler(e -> connectionEvents.add(at(start) + " connection failed: " + e));
        });
    try {
      List<Future<String>> whole = new ArrayList<>();
      List<Future<Void>> hungUp = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        if (i % 2 == 0) {
          whole.add(askToTheEnd(client, user));
        } else {
          hungUp.add(askThenReset(client, user));
        }
      }
      List<String> resets = new ArrayList<>();
      for (Future<Void> ask : hungUp) {
        resets.add(outcome(ask.map("reset after its first token"), start));
      }
      List<String> bodies = new ArrayList<>();
      for (Future<String> ask : whole) {
        bodies.add(outcome(ask, start));
      }
      assertThat(resets)
          .as("connection: %s", connectionEvents)
          .containsOnly("reset after its first token");

      assertThat(connections).as("every stream shared one connection").hasSize(1);
      assertThat(bodies)
          .as("every ask read to its end got its whole answer")
          .hasSize(12)
          .allSatisfy(
              body ->
                  assertThat(body)
                      .as("connection: %s", connectionEvents)
                      .contains("event: End")
                      .contains("\"output\":\"one two three four five six\""));
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static String at(long start) {
    return (System.nanoTime() - start) / 1_000_000 + " ms";
  }

  /** What became of one ask within a minute: its value, or its failure and when it came. */
  private static String outcome(Future<String> ask, long start) throws Exception {
    return ask.otherwise(e -> at(start) + " failed: " + e)
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  private RequestOptions askRequest(String user) {
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost(base.getHost())
        .setPort(base.getPort())
        .setURI("/api/v1/ask")
        .putHeader("X-Zo-Internal-Secret", "test-internal-secret")
        .putHeader("X-Zo-User", user)
        .putHeader("Content-Type", "application/json")
        .putHeader("Accept", "text/event-stream");
  }

  /** The whole event stream of one ask, or the failure its stream met. */
  private Future<String> askToTheEnd(HttpClient client, String user) {
    return client
        .request(askRequest(user))
        .compose(request -> request.send(Buffer.buffer(ASK)))
        .compose(
            response -> {
              assertThat(response.statusCode()).isEqualTo(200);
              return response.body();
            })
        .map(Buffer::toString);
  }

  /** An ask whose stream is reset as soon as its first token arrives. */
  private Future<Void> askThenReset(HttpClient client, String user) {
    Promise<Void> reset = Promise.promise();
    client
        .request(askRequest(user))
        .onFailure(reset::tryFail)
        .onSuccess(
            request ->
                request
                    .send(Buffer.buffer(ASK))
                    .onFailure(reset::tryFail)
                    .onSuccess(
                        (HttpClientResponse response) -> {
                          StringBuilder seen = new StringBuilder();
                          response.exceptionHandler(e -> reset.tryComplete());
                          response.endHandler(
                              end -> reset.tryFail("the stream ended before it was reset"));
                          response.handler(
                              chunk -> {
                                seen.append(chunk.toString());
                                if (seen.indexOf("\"content\":\"one\"") >= 0
                                    && !reset.future().isComplete()) {
                                  request.reset();
                                  reset.tryComplete();
                                }
                              });
                        }));
    return reset.future();
  }
}
