package dev.zoclone.gateway.replicas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A replica of a service: answers every request with its own tag, and its readiness as it is told
 * through {@code POST /control/ready?value=true|false} (tests reach it directly, not through the
 * gateway).
 */
final class EchoReplica implements AutoCloseable {
  private final String tag;
  private final AtomicBoolean ready = new AtomicBoolean(true);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpServer server;

  EchoReplica(String tag) throws IOException {
    this.tag = tag;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (path.equals("/control/ready")) {
      ready.set(!"value=false".equals(exchange.getRequestURI().getQuery()));
      respond(exchange, 204, "");
    } else if (path.equals("/q/health/ready")) {
      boolean up = ready.get();
      respond(
          exchange, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":[]}");
    } else {
      respond(
          exchange,
          200,
          "{\"replica\":\""
              + tag
              + "\",\"method\":\""
              + exchange.getRequestMethod()
              + "\",\"body_bytes\":"
              + body.length
              + "}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (status != 204) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
