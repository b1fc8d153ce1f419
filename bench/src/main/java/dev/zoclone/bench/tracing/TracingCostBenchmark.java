package dev.zoclone.bench.tracing;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.ProcessCpu;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The figure is the steady state a running gateway shows, not its warm-up: requests are sent in
 * rounds of {@code bench.tracing.warmup} until the gateway's JIT compiler threads used under a
 * tenth of its CPU in a round (at most {@value #MAX_WARMUP_ROUNDS} rounds), and only then are
 * requests measured; the CPU its JIT compiler and GC threads used inside the measured window is
 * reported apart.
 *
 * <p>Sizes: {@code bench.tracing.requests} measured per side (20000), after warm-up rounds of
 * {@code bench.tracing.warmup} (10000), sent by {@code bench.tracing.concurrency} clients (8). With
 * {@code -Dbench.tracing.jfr=<dir>} the gateway records a JFR profile of each measured window there
 * (the recording starts before the warm-up, so that what starting it recompiles is warmed up
 * again).
 */
public final class TracingCostBenchmark implements Benchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The gateway's target CPU per forwarded request (issue 18), in ms. */
  private static final double TARGET_MS = 0.5;

  private static final int MAX_WARMUP_ROUNDS = 10;

  /** A warm-up round whose JIT compilation used less than this share of the CPU ends warm-up. */
  private static final double QUIET_JIT_SHARE = 0.1;

  @Override
  public String name() {
    return "tracing";
  }

  @Override
  public List<Figure> run() throws Exception {
    int warmup = size("warmup", 10000);
    int requests = size("requests", 20000);
    int concurrency = size("concurrency", 8);
    List<Figure> figures = new ArrayList<>();
    GatewayCpu off = gatewayCpuPerRequest(null, warmup, requests, concurrency);
    try (Receiver receiver = new Receiver()) {
      GatewayCpu on = gatewayCpuPerRequest(receiver, warmup, requests, concurrency);
      if (receiver.exports.get() == 0) {
        throw new IllegalStateException("tracing on, yet no span reached the receiver");
      }
      figures.add(
          Figure.atMost(
              name(),
              "gateway CPU per request, nothing sampled (laptop; "
                  + requests
                  + " after "
                  + off.warmedUpWith()
                  + " to warm up)",
              off.total(),
              "ms",
              TARGET_MS));
      figures.add(
          Figure.of(name(), "… of which JIT compilation, nothing sampled", off.jit(), "ms"));
      figures.add(Figure.of(name(), "… of which GC, nothing sampled", off.gc(), "ms"));
      figures.add(
          Figure.atMost(
              name(),
              "gateway CPU per request, every trace sampled and exported ("
                  + receiver.exports.get()
                  + " OTLP exports, "
                  + receiver.bytes.get() / 1024
                  + " KiB; "
                  + requests
                  + " after "
                  + on.warmedUpWith()
                  + " to warm up)",
              on.total(),
              "ms",
              TARGET_MS));
      figures.add(Figure.of(name(), "… of which JIT compilation, all sampled", on.jit(), "ms"));
      figures.add(Figure.of(name(), "… of which GC, all sampled", on.gc(), "ms"));
      figures.add(
          Figure.of(name(), "tracing's cost per gateway request", on.total() - off.total(), "ms"));
    }
    return figures;
  }

  /** The gateway's CPU ms per request, tracing exported to {@code receiver} (null: off). */
  private GatewayCpu gatewayCpuPerRequest(
      Receiver receiver, int warmup, int requests, int concurrency) throws Exception {
    LocalPlatform.Builder builder = Stack.platform("memory");
    if (receiver != null) {
      for (String service : List.of("gateway", "memory")) {
        builder
            .property(service, "quarkus.otel.traces.sampler.arg", "1")
            .property(service, "quarkus.otel.exporter.otlp.traces.endpoint", receiver.endpoint());
      }
    }
    try (LocalPlatform platform = builder.start()) {
      String token = platform.newUserToken("bench-tracing");
      URI list = URI.create(platform.gatewayUrl() + "/api/v1/conversations");
      long pid = platform.service("gateway").pid();
      String jfr = System.getProperty("bench.tracing.jfr");
      if (jfr != null) {
        jcmd(pid, "JFR.start", "name=warm-up", "settings=profile");
      }
      int warmedUpWith = warmUp(pid, list, token, warmup, concurrency);
      if (jfr != null) {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
      }
      ThreadCpu before = ThreadCpu.of(pid);
      send(list, token, requests, concurrency);
      ThreadCpu after = ThreadCpu.of(pid);
      if (jfr != null) {
        Path file =
            Path.of(jfr, "gateway-" + (receiver == null ? "unsampled" : "sampled") + ".jfr")
                .toAbsolutePath();
        Files.createDirectories(file.getParent());
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        jcmd(pid, "JFR.stop", "name=warm-up");
      }
      return after.minus(before).per(requests, warmedUpWith);
    }
  }

  /**
   * Sends rounds of {@code round} requests until the gateway's JIT compiler threads are nearly idle
   * over one; returns how many requests that took.
   */
  private static int warmUp(long pid, URI list, String token, int round, int concurrency)
      throws Exception {
    int sent = 0;
    for (int rounds = 0; rounds < MAX_WARMUP_ROUNDS; rounds++) {
      ThreadCpu before = ThreadCpu.of(pid);
      send(list, token, round, concurrency);
      sent += round;
      ThreadCpu used = ThreadCpu.of(pid).minus(before);
      if (used.jit() < used.total() * QUIET_JIT_SHARE) {
        break;
      }
    }
    return sent;
  }

  /** Runs {@code jcmd <pid> <arguments>} and waits for it. */
  private static void jcmd(long pid, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(pid));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  /**
   * CPU ms per request: the process's whole, and its JIT compiler's and GC's share of it, measured
   * after {@code warmedUpWith} requests.
   */
  private record GatewayCpu(double total, double jit, double gc, int warmedUpWith) {}

  /**
   * A process's CPU ms so far: all of it, and that of its JIT compiler threads and its GC threads
   * (the VM thread too, which runs the stop-the-world pauses), read from {@code /proc/<pid>/task}.
   */
  private record ThreadCpu(double total, double jit, double gc) {
    static ThreadCpu of(long pid) throws IOException {
      return new ThreadCpu(
          ProcessCpu.millis(pid),
          threads(pid, "C1 CompilerThre", "C2 CompilerThre"),
          threads(pid, "GC Thread", "G1 ", "VM Thread"));
    }

    /** CPU ms of {@code pid}'s live threads whose names start with one of {@code prefixes}. */
    private static double threads(long pid, String... prefixes) throws IOException {
      double millis = 0;
      for (String prefix : prefixes) {
        for (double used : ProcessCpu.threadMillis(pid, prefix).values()) {
          millis += used;
        }
      }
      return millis;
    }

    ThreadCpu minus(ThreadCpu before) {
      return new ThreadCpu(total - before.total, jit - before.jit, gc - before.gc);
    }

    GatewayCpu per(int requests, int warmedUpWith) {
      return new GatewayCpu(total / requests, jit / requests, gc / requests, warmedUpWith);
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
