package dev.zoclone.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The world around the gateway under test: real HTTP servers standing in for the services, and a
 * fresh {@code ZO_HOME}. {@code agents} echoes every request and streams events, {@code skills}
 * answers too late, {@code browser} streams slowly, {@code scheduler} answers any status, and the
 * other services are not listening at all.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {
  /** Answers at once; echoes requests as JSON, reports UP with {@link #ECHO_VERSION}. */
  public static final String ECHO = "agents";

  /** The version the echoing service reports in its readiness. */
  public static final String ECHO_VERSION = "1.2.3-echo";

  /**
   * Under {@code /api/v1/ask}: sends {@code first}, waits {@link #EVENT_GAP_MILLIS}, {@code
   * second}.
   */
  public static final String EVENTS_PATH = "/api/v1/ask/events";

  /** The pause between the two streamed events. */
  public static final long EVENT_GAP_MILLIS = 600;

  /** Answers everything, readiness included, only after {@link #SLOW_MILLIS}. */
  public static final String SLOW = "skills";

  /** Longer than the test config's zo.gateway.timeout and status-timeout (1 s). */
  public static final long SLOW_MILLIS = 3000;

  /** Nothing listens on its port. */
  public static final String UNREACHABLE = "memory";

  /**
   * Streams {@link #TICKS_PATH} and journals clients that hang up on it ({@link TickingService});
   * offers HTTP/2 cleartext as well as HTTP/1.1, like a Quarkus service.
   */
  public static final String TICKING = "browser";

  /**
   * Under {@code /api/v1/browser}: an event every 100 ms for 10 s (or {@code ?ticks=N} events),
   * unless its client hangs up.
   */
  public static final String TICKS_PATH = "/api/v1/browser/ticks";

  /** Answers any status on demand ({@link AnsweringService}), under {@link #ANSWERS_PATH}. */
  public static final String ANSWERING = "scheduler";

  /** Under {@code /api/v1/automations}: {@code ANSWERS_PATH/404} answers 404, and so on. */
  public static final String ANSWERS_PATH = "/api/v1/automations/answers";

  private static final List<String> OTHERS = List.of("pool", "supervisor");

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private HttpServer echo;
  private HttpServer slow;
  private TickingService ticking;
  private AnsweringService answering;
  private Path home;

  @Override
  public Map<String, String> start() {
    try {
      echo = server(this::echo);
      slow = server(this::slow);
      ticking = new TickingService(TICKS_PATH);
      answering = new AnsweringService(ANSWERS_PATH);
      home = Files.createTempDirectory("zo-gateway-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String nowhere = "http://127.0.0.1:" + freePort();
    Map<String, String> config = new HashMap<>();
    // A folder that does not exist yet: the gateway must create it.
    config.put("zo.gateway.home", home.resolve("zoclone").toString());
    config.put(url(ECHO), "http://127.0.0.1:" + echo.getAddress().getPort());
    config.put(url(SLOW), "http://127.0.0.1:" + slow.getAddress().getPort());
    config.put(url(UNREACHABLE), nowhere);
    config.put(url(TICKING), ticking.baseUrl());
    config.put(url(ANSWERING), answering.baseUrl());
    OTHERS.forEach(service -> config.put(url(service), nowhere));
    return config;
  }

  @Override
  public void stop() {
    if (echo != null) {
      echo.stop(0);
    }
    if (slow != null) {
      slow.stop(0);
    }
    if (ticking != null) {
      ticking.close();
    }
    if (answering != null) {
      answering.close();
    }
    threads.shutdownNow();
    if (home != null) {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // Only a temporary folder left behind.
      }
    }
  }

  /** The base URL of {@code service} in the gateway under test. */
  public static String serviceUrl(String service) {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getValue(url(service), String.class);
  }

  private static String url(String service) {
    return "zo.gateway.services." + service + ".url";
  }

  private HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", handler);
    server.start();
    return server;
  }

  private void echo(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/q/health/ready")) {
      respond(exchange, 200, health(ECHO, ECHO_VERSION));
    } else if (path.equals(EVENTS_PATH)) {
      streamEvents(exchange);
    } else {
      respond(exchange, 200, echoOf(exchange));
    }
  }

  private void slow(HttpExchange exchange) throws IOException {
    try {
      Thread.sleep(SLOW_MILLIS);
      respond(exchange, 200, health(SLOW, "too-late"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The gateway gave up on us, as it should.
    }
  }

  private static void streamEvents(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write("event: tick\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
      body.flush();
      Thread.sleep(EVENT_GAP_MILLIS);
      body.write("event: tick\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
      body.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request as the service saw it: method, path, query, headers (lower-case), body. */
  private static String echoOf(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String headers =
        exchange.getRequestHeaders().entrySet().stream()
            .map(
                header ->
                    json(header.getKey().toLowerCase(Locale.ROOT))
                        + ":"
                        + json(String.join(",", header.getValue())))
            .collect(Collectors.joining(","));
    return "{\"method\":"
        + json(exchange.getRequestMethod())
        + ",\"path\":"
        + json(exchange.getRequestURI().getRawPath())
        + ",\"query\":"
        + json(exchange.getRequestURI().getRawQuery())
        + ",\"headers\":{"
        + headers
        + "},\"body\":"
        + json(body)
        + "}";
  }

  private static String health(String name, String version) {
    return "{\"status\":\"UP\",\"checks\":[{\"name\":\"service\",\"status\":\"UP\","
        + "\"data\":{\"name\":"
        + json(name)
        + ",\"version\":"
        + json(version)
        + "}}]}";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  private static String json(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
