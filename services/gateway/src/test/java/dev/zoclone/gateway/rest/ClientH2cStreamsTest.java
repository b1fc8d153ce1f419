package dev.zoclone.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.FakeServices;
import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client speaking HTTP/2 cleartext to the gateway (prior knowledge) carries streamed answers and
 * plain requests on one connection, and resets some streams in the middle of their answers: only
 * those end, each stops its service's work, and the connection and the gateway carry on.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ClientH2cStreamsTest {
  /** Streams read to their end, each {@link #WHOLE_TICKS} events long. */
  private static final int WHOLE_STREAMS = 10;

  private static final int WHOLE_TICKS = 15;

  /** Streams reset after their second event; the service would stream them for 10 s. */
  private static final int RESET_STREAMS = 10;

  /** Asks streamed whole by the echoing service, two events each. */
  private static final int WHOLE_ASKS = 6;

  /** Plain GETs, each with its own query to tell its answer from the others'. */
  private static final int GETS = 20;

  private static final String STREAM_BODY = "{\"input\":\"hi\",\"stream\":true}";

  /** Asks the ticking service directly, over HTTP/1.1. */
  private static final java.net.http.HttpClient DIRECT =
      java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build();

  @TestHTTPResource("/")
  URI gateway;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void streamsResetMidAnswerStopTheirServiceAndLeaveTheOthersOnTheConnectionWhole()
      throws Exception {
    int disconnectsBefore = disconnects();
    AtomicInteger connections = new AtomicInteger();
    List<String> connectionEvents = new CopyOnWriteArrayList<>();
    HttpClient client =
        vertx
            .httpClientBuilder()
            .with(
                new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false)
                    .setDefaultHost(gateway.getHost())
                    .setDefaultPort(gateway.getPort()))
            .with(new PoolOptions().setHttp2MaxSize(1))
            .withConnectHandler(
                connection -> {
                  connections.incrementAndGet();
                  connection.goAwayHandler(
                      goAway -> connectionEvents.add("GOAWAY " + goAway.getErrorCode()));
                  connection.closeHandler(v -> connectionEvents.add("closed"));
                })
            .build();

    List<Future<String>> wholeTicks = new ArrayList<>();
    List<Future<String>> wholeAsks = new ArrayList<>();
    List<Future<String>> gets = new ArrayList<>();
    List<Future<String>> resets = new ArrayList<>();
    for (int i = 0; i < GETS; i++) {
      if (i < WHOLE_STREAMS) {
        wholeTicks.add(body(client, post(FakeServices.TICKS_PATH + "?ticks=" + WHOLE_TICKS)));
      }
      if (i < RESET_STREAMS) {
        resets.add(resetAfterSecondEvent(client));
      }
      if (i < WHOLE_ASKS) {
        wholeAsks.add(body(client, post(FakeServices.EVENTS_PATH)));
      }
      gets.add(body(client, get("/api/v1/agents/listing?n=" + i)));
    }

    for (Future<String> reset : resets) {
      assertThat(await(reset)).as("connection: %s", connectionEvents).isEqualTo("reset");
    }
    String ticks =
        IntStream.rangeClosed(1, WHOLE_TICKS)
            .mapToObj(n -> "event: tick\ndata: " + n + "\n\n")
            .collect(Collectors.joining());
    for (Future<String> stream : wholeTicks) {
      assertThat(await(stream)).as("connection: %s", connectionEvents).isEqualTo(ticks);
    }
    for (Future<String> ask : wholeAsks) {
      assertThat(await(ask))
          .as("connection: %s", connectionEvents)
          .isEqualTo("event: tick\ndata: first\n\nevent: tick\ndata: second\n\n");
    }
    for (int i = 0; i < GETS; i++) {
      assertThat(await(gets.get(i)))
          .as("connection: %s", connectionEvents)
          .contains("\"method\":\"GET\"")
          .contains("\"path\":\"/api/v1/agents/listing\"")
          .contains("\"query\":\"n=" + i + "\"");
    }

    // The service streams each reset stream for 10 s unless it learns that nobody reads it.
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (disconnects() < disconnectsBefore + RESET_STREAMS && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(disconnects() - disconnectsBefore)
        .as("streams whose service learnt that their client hung up")
        .isEqualTo(RESET_STREAMS);

    // The connection goes on carrying requests; the gateway never closed or drained it.
    assertThat(await(body(client, get("/api/v1/agents/after?n=last"))))
        .contains("\"query\":\"n=last\"");
    assertThat(connectionEvents).isEmpty();
    assertThat(connections).as("connections the client opened").hasValue(1);
    client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private RequestOptions get(String path) {
    return new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setURI(path)
        .putHeader("Authorization", "Bearer " + TestCallers.adminToken());
  }

  private RequestOptions post(String path) {
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setURI(path)
        .putHeader("Authorization", "Bearer " + TestCallers.adminToken())
        .putHeader("Content-Type", "application/json")
        .putHeader("Accept", "text/event-stream");
  }

  /** The whole body of a 200 answer, or the failure its stream met. */
  private static Future<String> body(HttpClient client, RequestOptions options) {
    return client
        .request(options)
        .compose(
            request ->
                options.getMethod() == HttpMethod.POST
                    ? request.send(Buffer.buffer(STREAM_BODY))
                    : request.send())
        .compose(
            response ->
                response.statusCode() == 200
                    ? response.body()
                    : Future.failedFuture("status " + response.statusCode()))
        .map(Buffer::toString);
  }

  /** A ticking stream reset once its second event arrived: {@code "reset"}, or what went wrong. */
  private Future<String> resetAfterSecondEvent(HttpClient client) {
    Promise<String> outcome = Promise.promise();
    client
        .request(post(FakeServices.TICKS_PATH))
        .onFailure(outcome::tryFail)
        .onSuccess(
            request ->
                request
                    .send(Buffer.buffer(STREAM_BODY))
                    .onFailure(outcome::tryFail)
                    .onSuccess(
                        (HttpClientResponse response) -> {
                          StringBuilder seen = new StringBuilder();
                          response.exceptionHandler(outcome::tryFail);
                          response.endHandler(v -> outcome.tryFail("ended before its reset"));
                          response.handler(
                              chunk -> {
                                seen.append(chunk);
                                if (seen.indexOf("data: 2\n\n") >= 0
                                    && outcome.tryComplete("reset")) {
                                  request.reset();
                                }
                              });
                        }));
    return outcome.future();
  }

  private static String await(Future<String> future) throws Exception {
    return future
        .otherwise(failure -> "failed: " + failure)
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  /** How many ticking streams the service saw hung up on, asked directly. */
  private static int disconnects() throws Exception {
    URI url = URI.create(FakeServices.serviceUrl(FakeServices.TICKING) + "/disconnects");
    return Integer.parseInt(
        DIRECT
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
            .body()
            .trim());
  }
}
