package dev.zoclone.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on an ephemeral port that answers scripted replies and records what zo sent. A
 * test class holds one per test with {@code @RegisterExtension final FakeGateway gateway =
 * FakeGateway.perTest();}, closed after each test.
 */
public final class FakeGateway implements AutoCloseable, AfterEachCallback {
  /** One request as the gateway received it. */
  public record Request(
      String method,
      String path,
      String authorization,
      String contentType,
      String body,
      String query) {}

  private record Reply(int status, String contentType, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeGateway start() throws IOException {
    return new FakeGateway();
  }

  /** A gateway for one test, as a JUnit extension that closes it after the test. */
  public static FakeGateway perTest() {
    try {
      return new FakeGateway();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** The base URL to pass as {@code --url}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeGateway answerJson(String method, String path, int status, String body) {
    return answer(method, path, new Reply(status, "application/json", body, Map.of()));
  }

  public FakeGateway answerEmpty(String method, String path, int status) {
    return answer(method, path, new Reply(status, null, "", Map.of()));
  }

  public FakeGateway answerProblem(String method, String path, int status, String problemJson) {
    return answerProblem(method, path, status, problemJson, Map.of());
  }

  public FakeGateway answerProblem(
      String method, String path, int status, String problemJson, Map<String, String> headers) {
    return answer(
        method, path, new Reply(status, "application/problem+json", problemJson, headers));
  }

  public FakeGateway answerText(String method, String path, int status, String text) {
    return answer(method, path, new Reply(status, "text/plain", text, Map.of()));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The one request received; fails when there were none or several. */
  public Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests);
    }
    return requests.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private FakeGateway answer(String method, String path, Reply reply) {
    replies.put(method + " " + path, reply);
    return this;
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
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body,
              exchange.getRequestURI().getRawQuery()));
      Reply reply =
          replies.getOrDefault(
              method + " " + path,
              new Reply(
                  404,
                  "application/problem+json",
                  "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"nothing scripted\"}",
                  Map.of()));
      if (reply.contentType() != null) {
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
