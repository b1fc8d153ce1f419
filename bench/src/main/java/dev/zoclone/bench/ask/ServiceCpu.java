package dev.zoclone.bench.ask;

import dev.zoclone.bench.ProcessCpu;
import dev.zoclone.e2e.support.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU the ask path's services have used so far: each process in all, each one's JIT compiler
 * threads, and memory's embedding model (its {@code zo.memory.embedding.cpu} meter), so that a
 * window's CPU can be told apart into the services' own work, compilation and inference.
 */
final class ServiceCpu {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern EMBEDDING =
      Pattern.compile(
          "^zo_memory_embedding_cpu_seconds_total(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
  // HotSpot's C1 and C2 threads, as Linux names them (15 characters at most).
  private static final String[] COMPILERS = {"C1 CompilerThre", "C2 CompilerThre"};

  private final Map<String, Double> total = new HashMap<>();
  private final Map<String, Map<String, Double>> compilers = new HashMap<>();
  private final double embedding;

  private ServiceCpu(LocalPlatform platform, String... services)
      throws IOException, InterruptedException {
    for (String service : services) {
      long pid = platform.service(service).pid();
      total.put(service, ProcessCpu.millis(pid));
      Map<String, Double> threads = new HashMap<>();
      for (String compiler : COMPILERS) {
        threads.putAll(ProcessCpu.threadMillis(pid, compiler));
      }
      compilers.put(service, threads);
    }
    embedding = embeddingMillis(platform.service("memory").url());
  }

  /** The CPU {@code services} (memory among them) have used so far. */
  static ServiceCpu read(LocalPlatform platform, String... services)
      throws IOException, InterruptedException {
    return new ServiceCpu(platform, services);
  }

  /** Milliseconds of CPU {@code service} used since {@code before}. */
  double total(String service, ServiceCpu before) {
    return total.get(service) - before.total.get(service);
  }

  /**
   * Milliseconds {@code service}'s JIT compiler threads used since {@code before} (a compiler
   * thread that ended in between is missed: HotSpot starts and stops them as the queue grows and
   * shrinks).
   */
  double compilation(String service, ServiceCpu before) {
    Map<String, Double> earlier = before.compilers.get(service);
    double millis = 0;
    for (Map.Entry<String, Double> thread : compilers.get(service).entrySet()) {
      millis += thread.getValue() - earlier.getOrDefault(thread.getKey(), 0.0);
    }
    return millis;
  }

  /** Milliseconds of CPU memory's embedding model used since {@code before}. */
  double embedding(ServiceCpu before) {
    return embedding - before.embedding;
  }

  private static double embeddingMillis(String memoryUrl) throws IOException, InterruptedException {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(memoryUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher value = EMBEDDING.matcher(metrics);
    if (!value.find()) {
      throw new IllegalStateException("memory's /q/metrics has no zo_memory_embedding_cpu_seconds");
    }
    return Double.parseDouble(value.group(1)) * 1000;
  }
}
