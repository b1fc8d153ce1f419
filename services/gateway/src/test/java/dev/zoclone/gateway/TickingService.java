package dev.zoclone.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service that streams server-sent events slowly, on Vert.x because Vert.x tells when a client
 * closes its connection (HTTP/1.1) or resets its stream (HTTP/2) in the middle of a response, as a
 * real service (agents relaying a model's stream) would notice it. {@code ?ticks=N} ends a stream
 * after {@code N} events instead of {@link #TICKS}. {@code GET /disconnects} answers how many
 * streams were hung up on, {@code GET /version} the HTTP version of the last stream.
 */
final class TickingService implements AutoCloseable {
  /** How many streams a client closed before their end, as plain text. */
  static final String DISCONNECTS_PATH = "/disconnects";

  /** The HTTP version the last stream was asked with, as plain text. */
  static final String VERSION_PATH = "/version";

  static final long TICK_MILLIS = 100;
  static final int TICKS = 100;

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final AtomicInteger disconnects = new AtomicInteger();
  private final AtomicReference<String> version = new AtomicReference<>("none");
  private final String ticksPath;
  private final HttpServer server;

  /**
   * Streams an event every {@link #TICK_MILLIS} at {@code ticksPath} until {@link #TICKS} have
   * gone; offers HTTP/2 cleartext too, as Quarkus services do.
   */
  TickingService(String ticksPath) {
    this.ticksPath = ticksPath;
    server = LoopbackServer.start(vertx, "ticking service", this::handle);
  }

  String baseUrl() {
    return LoopbackServer.baseUrl(server);
  }

  @Override
  public void close() {
    vertx.close();
  }

  private void handle(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    if (request.path().equals(ticksPath)) {
      version.set(request.version().name());
      // Like agents: the stream starts once the request (an ask) has been read.
      String ticks = request.getParam("ticks");
      int count = ticks == null ? TICKS : Integer.parseInt(ticks);
      request.body().onSuccess(body -> tick(response, count));
    } else if (request.path().equals(DISCONNECTS_PATH)) {
      response.putHeader("Content-Type", "text/plain").end(String.valueOf(disconnects.get()));
    } else if (request.path().equals(VERSION_PATH)) {
      response.putHeader("Content-Type", "text/plain").end(version.get());
    } else {
      response.setStatusCode(404).end();
    }
  }

  private void tick(HttpServerResponse response, int ticks) {
    response.setChunked(true).putHeader("Content-Type", "text/event-stream");
    AtomicInteger sent = new AtomicInteger();
    long timer =
        vertx.setPeriodic(
            0,
            TICK_MILLIS,
            id -> {
              int n = sent.incrementAndGet();
              response.write("event: tick\ndata: " + n + "\n\n");
              if (n == ticks) {
                vertx.cancelTimer(id);
                response.end();
              }
            });
    // Vert.x calls this only when the connection closes before the response has ended.
    response.closeHandler(
        v -> {
          vertx.cancelTimer(timer);
          disconnects.incrementAndGet();
        });
  }
}
