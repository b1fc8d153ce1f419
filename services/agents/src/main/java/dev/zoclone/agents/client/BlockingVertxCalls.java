package dev.zoclone.agents.client;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpRequest;
import io.quarkus.arc.Arc;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Blocking provider calls over the service's own Vert.x HTTP client: a small fraction of the JDK
 * client's CPU per call (which matters when a hundred agents call at once on two cores). An
 * interrupt of the waiting thread resets the request, which closes its connection.
 */
final class BlockingVertxCalls {
  private static volatile HttpClient shared;

  private BlockingVertxCalls() {}

  /** A provider's answer: status, headers (names case-insensitive) and body. */
  record Answer(int status, Map<String, List<String>> headers, String body) {}

  static Answer send(HttpRequest request, Duration timeout) {
    RequestOptions options =
        new RequestOptions()
            .setAbsoluteURI(request.url())
            .setMethod(HttpMethod.valueOf(request.method().name()))
            .setTimeout(timeout.toMillis());
    request
        .headers()
        .forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    CompletableFuture<Answer> answer =
        client()
            .request(options)
            .compose(
                outgoing -> {
                  sent.set(outgoing);
                  return request.body() == null
                      ? outgoing.send()
                      : outgoing.send(Buffer.buffer(request.body()));
                })
            .compose(
                response ->
                    response
                        .body()
                        .map(
                            body -> {
                              Map<String, List<String>> headers =
                                  new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                              response
                                  .headers()
                                  .forEach(
                                      h ->
                                          headers
                                              .computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                                              .add(h.getValue()));
                              return new Answer(response.statusCode(), headers, body.toString());
                            }))
            .toCompletionStage()
            .toCompletableFuture();
    try {
      return answer.get();
    } catch (InterruptedException e) {
      HttpClientRequest outgoing = sent.get();
      if (outgoing != null) {
        outgoing.reset();
      }
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("provider call cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.util.concurrent.TimeoutException
          || (cause != null
              && cause.getMessage() != null
              && cause.getMessage().contains("timeout period"))) {
        throw new TimeoutException(cause);
      }
      throw new IllegalStateException(
          "provider unreachable: " + (cause == null ? "unknown" : cause.getMessage()), e);
    }
  }

  private static HttpClient client() {
    HttpClient client = shared;
    if (client == null) {
      synchronized (BlockingVertxCalls.class) {
        if (shared == null) {
          Vertx vertx = Arc.container().instance(Vertx.class).get();
          shared =
              vertx.createHttpClient(
                  new HttpClientOptions()
                      .setKeepAlive(true)
                      .setConnectTimeout(10_000)
                      // Every agent of a spawn-all may call the same provider at once.
                      .setMaxPoolSize(256)
                      .setHttp2MaxPoolSize(256)
                      .setMaxWaitQueueSize(-1));
        }
        client = shared;
      }
    }
    return client;
  }
}
