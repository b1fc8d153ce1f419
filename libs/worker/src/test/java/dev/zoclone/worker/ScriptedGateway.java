package dev.zoclone.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on an ephemeral port that answers scripted replies and records requests. */
final class ScriptedGateway implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, String query, String authorization, String body) {}

  private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    Reply(int status, String contentType, String body) {
      this(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private ScriptedGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static ScriptedGateway start() throws IOException {
    return new ScriptedGateway();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void answerJson(String method, String path, int status, String body) {
    replies.put(method + " " + path, new Reply(status, "application/json", body));
  }

  void answerProblem(String method, String path, int status, String problemJson) {
    replies.put(method + " " + path, new Reply(status, "application/problem+json", problemJson));
  }

  void answerText(String method, String path, int status, String text) {
    replies.put(method + " " + path, new Reply(status, "text/plain", text));
  }

  void answerBytes(
      String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    replies.put(method + " " + path, new Reply(200, contentType, body, headers));
  }

  /** The requests received for {@code path}. */
  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The one request received; fails when there were none or several. */
  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests);
    }
    return requests.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      requests.add(
          new Request(
              method,
              path,
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      Reply reply =
          replies.getOrDefault(
              method + " " + path, new Reply(404, "application/problem+json", "{\"status\":404}"));
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body();
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
