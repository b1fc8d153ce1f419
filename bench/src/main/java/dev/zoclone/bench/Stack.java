package dev.zoclone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.bench.PlainHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A started platform seen from a benchmark: setup calls through the gateway that must succeed, a
 * cheap load-generating client per user, and the CPU its processes used.
 */
public final class Stack {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalPlatform platform;

  public Stack(LocalPlatform platform) {
    this.platform = platform;
  }

  public LocalPlatform platform() {
    return platform;
  }

  /**
   * A stack of the gateway and {@code services} to start, as benchmarks start it: memory, when
   * among them, reads the ingest topic from its end. The shared local broker keeps every earlier
   * run's messages on that topic (tens of thousands after a few ingest runs), and a stack of its
   * own must not first embed them all (a turn was then not recallable within a minute).
   */
  public static LocalPlatform.Builder platform(String... services) {
    LocalPlatform.Builder builder = LocalPlatform.builder();
    for (String service : services) {
      builder.service(service);
      if (service.equals("memory")) {
        builder.property(
            "memory", "mp.messaging.incoming.memory-ingest.auto.offset.reset", "latest");
      }
    }
    return builder;
  }

  /** A JSON call as {@code token} that must answer 2xx; its parsed body (null when empty). */
  public JsonNode call(String token, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = platform.call(token, method, path, body);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  /** A plain HTTP/1.1 client of the gateway that sends {@code token} with every request. */
  public PlainHttp client(String token) {
    return new PlainHttp(
        URI.create(platform.gatewayUrl()), "Authorization: Bearer " + token + "\r\n");
  }

  /** Stores an OpenAI-compatible key named {@code name} for {@code baseUrl} (…/v1 appended). */
  public void putKey(String token, String name, String baseUrl)
      throws IOException, InterruptedException {
    platform.putKey(token, name, baseUrl, "m");
  }

  /** Milliseconds of CPU each of {@code services} has used so far. */
  public Map<String, Double> cpu(String... services) throws IOException {
    Map<String, Double> cpu = new LinkedHashMap<>();
    for (String service : services) {
      cpu.put(service, ProcessCpu.millis(platform.service(service).pid()));
    }
    return cpu;
  }
}
