package dev.zoclone.bench.tracing;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tracing costs the gateway: its CPU per forwarded request (a list of conversations, answered
 * by memory) with tracing as on a laptop (nothing sampled: ids made and propagated, no span
 * recorded) and as in Kubernetes (every trace sampled, recorded and exported over OTLP/HTTP to a
 * receiver in this process that only counts). A fresh gateway and memory for each.
 *
 * <p>Sizes: {@code bench.tracing.requests} measured per side (4000, after 1000 to warm up), sent by
 * {@code bench.tracing.concurrency} clients (8).
 */
public final class TracingCostBenchmark implements Benchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Override
  public String name() {
    return "tracing";
  }

  @Override
  public List<Figure> run() throws Exception {
    int requests = size("requests", 4000);
    int concurrency = size("concurrency", 8);
    List<Figure> figures = new ArrayList<>();
    double off = gatewayCpuPerRequest(null, requests, concurrency);
    try (Receiver receiver = new Receiver()) {
      double on = gatewayCpuPerRequest(receiver, requests, concurrency);
      if (receiver.exports.get() == 0) {
        throw new IllegalStateException("tracing on, yet no span reached the receiver");
      }
      figures.add(Figure.of(name(), "gateway CPU per request, tracing off (laptop)", off, "ms"));
      figures.add(
          Figure.of(
              name(),
              "gateway CPU per request, every trace sampled and exported ("
                  + receiver.exports.get()
                  + " OTLP exports, "
                  + receiver.bytes.get() / 1024
                  + " KiB)",
              on,
              "ms"));
      figures.add(Figure.of(name(), "tracing's cost per gateway request", on - off, "ms"));
    }
    return figures;
  }

  /** The gateway's CPU ms per request, tracing exported to {@code receiver} (null: off). */
  private double gatewayCpuPerRequest(Receiver receiver, int requests, int concurrency)
      throws Exception {
    LocalPlatform.Builder builder = Stack.platform("memory");
    if (receiver != null) {
      for (String service : List.of("gateway", "memory")) {
        builder
            .property(service, "quarkus.otel.traces.sampler.arg", "1")
            .property(service, "quarkus.otel.exporter.otlp.traces.endpoint", receiver.endpoint());
      }
    }
    try (LocalPlatform platform = builder.start()) {
      Stack stack = new Stack(platform);
      String token = platform.newUserToken("bench-tracing");
      URI list = URI.create(platform.gatewayUrl() + "/api/v1/conversations");
      send(list, token, 1000, concurrency);
      double before = stack.cpu("gateway").get("gateway");
      send(list, token, requests, concurrency);
      double after = stack.cpu("gateway").get("gateway");
      return (after - before) / requests;
    }
  }

  private static void send(URI uri, String token, int count, int concurrency) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    AtomicInteger left = new AtomicInteger(count);
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        running.add(
            clients.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    HttpResponse<Void> response =
                        HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException("answered " + response.statusCode());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** An OTLP/HTTP endpoint that accepts every export and counts them. */
  private static final class Receiver implements AutoCloseable {
    final AtomicInteger exports = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
    private final HttpServer server;

    Receiver() throws java.io.IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              bytes.addAndGet(in.readAllBytes().length);
              exports.incrementAndGet();
              exchange.sendResponseHeaders(200, -1);
            } finally {
              exchange.close();
            }
          });
      server.start();
    }

    String endpoint() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
