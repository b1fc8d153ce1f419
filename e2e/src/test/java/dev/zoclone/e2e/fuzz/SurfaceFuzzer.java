package dev.zoclone.e2e.fuzz;

import dev.zoclone.e2e.fuzz.BadRequests.Request;
import dev.zoclone.e2e.fuzz.RawHttp.Answer;
import dev.zoclone.e2e.fuzz.RouteCatalog.Route;
import dev.zoclone.e2e.support.LocalPlatform;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends every route of the named services (and the gateway's own) its share of {@link BadRequests}
 * through the gateway, and collects each answer that is a 5xx, no answer, or a 4xx that is not
 * problem+json.
 */
public final class SurfaceFuzzer {
  private static final int CASES_PER_BODY_ROUTE = 40;
  private static final int CASES_PER_OTHER_ROUTE = 8;
  private static final int THREADS = 4;

  private final LocalPlatform platform;
  private final String token;
  private final long seed;
  private final AtomicInteger providerFailures = new AtomicInteger();

  public SurfaceFuzzer(LocalPlatform platform, String token, long seed) {
    this.platform = platform;
    this.token = token;
    this.seed = seed;
  }

  /** What a run did and found. */
  public record Outcome(
      int routes, int cases, int providerFailures, long seconds, List<String> failures) {}

  public Outcome run(List<String> services) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Route> routes = new ArrayList<>(RouteCatalog.read("gateway", platform.gatewayUrl(), http));
    for (String service : services) {
      routes.addAll(RouteCatalog.read(service, platform.service(service).url(), http));
    }
    routes.sort(
        Comparator.comparing(Route::service)
            .thenComparing(Route::path)
            .thenComparing(Route::method));
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger cases = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int r = 0; r < routes.size(); r++) {
        Route route = routes.get(r);
        int count = route.bodySchema() == null ? CASES_PER_OTHER_ROUTE : CASES_PER_BODY_ROUTE;
        for (int i = 0; i < count; i++) {
          long caseSeed = seed + r * 1000L + i;
          sent.add(
              pool.submit(
                  () -> {
                    cases.incrementAndGet();
                    check(route, caseSeed, failures);
                  }));
        }
      }
      for (Future<?> future : sent) {
        future.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> found = new ArrayList<>(failures);
    found.sort(null);
    return new Outcome(
        routes.size(),
        cases.get(),
        providerFailures.get(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        found);
  }

  private void check(Route route, long caseSeed, ConcurrentLinkedQueue<String> failures) {
    Request request = BadRequests.build(route, caseSeed);
    String label =
        "seed "
            + caseSeed
            + ": "
            + route
            + " "
            + request.what()
            + " "
            + abbreviate(request.rawPath());
    Answer answer;
    try {
      answer =
          RawHttp.send(
              platform.gatewayUrl(), token, request.method(), request.rawPath(), request.body());
    } catch (Exception e) {
      failures.add(label + " -> no answer: " + e);
      return;
    }
    int status = answer.status();
    if (isProviderFailure(answer)) {
      // A model provider the fuzzing user configured failed: the platform answered as it should.
      providerFailures.incrementAndGet();
    } else if (status == 0 || status >= 500) {
      failures.add(label + " -> " + status + " " + abbreviate(answer.body()));
    } else if (status >= 400
        && !isMcpRefusal(request.rawPath(), answer)
        && !answer
            .headers()
            .getOrDefault("content-type", "")
            .startsWith("application/problem+json")) {
      failures.add(
          label
              + " -> "
              + status
              + " as "
              + answer.headers().get("content-type")
              + " "
              + abbreviate(answer.body()));
    }
  }

  /**
   * A refusal on {@code /mcp} in the form MCP's Streamable HTTP transport prescribes: a JSON-RPC
   * error object, or 405 for the server-initiated stream (GET) this server does not offer.
   */
  private static boolean isMcpRefusal(String path, Answer answer) {
    if (!path.equals("/mcp") && !path.startsWith("/mcp?")) {
      return false;
    }
    return answer.status() == 405
        || (answer.headers().getOrDefault("content-type", "").startsWith("application/json")
            && answer.body().contains("\"jsonrpc\":\"2.0\"")
            && answer.body().contains("\"error\""));
  }

  /** A 502 or 504 that blames the user's own model provider, as API.md says it should. */
  private static boolean isProviderFailure(Answer answer) {
    return (answer.status() == 502 && answer.body().contains("/problems/provider-error\""))
        || (answer.status() == 504 && answer.body().contains("/problems/provider-timeout\""));
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
