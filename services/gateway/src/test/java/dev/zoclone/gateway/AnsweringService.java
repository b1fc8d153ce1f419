package dev.zoclone.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that answers {@code <prefix>/<status>} with that status and a problem+json body naming
 * it (none for 204), at once and without reading the request's body, as a Quarkus service refuses a
 * body over its limit. With {@code ?close=true} the answer also carries the hop-by-hop headers of
 * such a refusal, {@code Connection: close} and {@code Keep-Alive}, and the service closes the
 * connection after it. {@code GET /connections} answers how many connections it has accepted. On
 * Vert.x with HTTP/2 cleartext offered, like a Quarkus service.
 */
public final class AnsweringService implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

  /** How many connections the service has accepted, as plain text. */
  public static final String CONNECTIONS_PATH = "/connections";

  private final AtomicInteger connections = new AtomicInteger();
  private final String prefix;
  private final HttpServer server;

  AnsweringService(String prefix) {
    this.prefix = prefix + "/";
    server =
        LoopbackServer.start(
            vertx, "answering service", this::handle, connection -> connections.incrementAndGet());
  }

  /** The body the service answers {@code status} with (empty for 204). */
  public static String bodyOf(int status) {
    return status == 204
        ? ""
        : "{\"type\":\"https://zoclone.dev/problems/test-"
            + status
            + "\",\"status\":"
            + status
            + "}";
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
    if (request.path().equals(CONNECTIONS_PATH)) {
      response.putHeader("Content-Type", "text/plain").end(String.valueOf(connections.get()));
      return;
    }
    if (!request.path().startsWith(prefix)) {
      response.setStatusCode(404).end();
      return;
    }
    int status = Integer.parseInt(request.path().substring(prefix.length()));
    response.setStatusCode(status);
    if ("true".equals(request.getParam("close"))) {
      response.putHeader("Connection", "close").putHeader("Keep-Alive", "timeout=5");
    }
    if (status == 204) {
      response.end();
    } else {
      response.putHeader("Content-Type", "application/problem+json").end(bodyOf(status));
    }
  }
}
