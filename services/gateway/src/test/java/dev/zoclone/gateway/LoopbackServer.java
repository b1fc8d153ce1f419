package dev.zoclone.gateway;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * Starts the Vert.x HTTP servers that stand in for services in the gateway's tests: on loopback at
 * a free port, offering HTTP/2 cleartext besides HTTP/1.1 as a Quarkus service does.
 */
public final class LoopbackServer {
  private LoopbackServer() {}

  /**
   * A started server named {@code name} (for the error) that hands requests to {@code requests}.
   */
  public static HttpServer start(Vertx vertx, String name, Handler<HttpServerRequest> requests) {
    return start(vertx, name, requests, connection -> {});
  }

  /** As {@link #start(Vertx, String, Handler)}, telling {@code connections} of each connection. */
  public static HttpServer start(
      Vertx vertx,
      String name,
      Handler<HttpServerRequest> requests,
      Handler<HttpConnection> connections) {
    HttpServer server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(0)
                    .setHttp2ClearTextEnabled(true))
            .connectionHandler(connections)
            .requestHandler(requests);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("cannot start the " + name, e);
    }
    return server;
  }

  /** The base URL of a started {@code server}. */
  public static String baseUrl(HttpServer server) {
    return "http://127.0.0.1:" + server.actualPort();
  }
}
