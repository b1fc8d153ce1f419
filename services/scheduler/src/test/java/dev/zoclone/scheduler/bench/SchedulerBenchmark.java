package dev.zoclone.scheduler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.service.Recurrence;
import dev.zoclone.scheduler.service.RecurrenceExpander;
import dev.zoclone.testing.infra.LocalInfra;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the scheduler's figures. Not a test: run it by hand from {@code services/scheduler} after
 * {@code mvn package} (see the scheduler section of the README).
 *
 * <ol>
 *   <li>Expansion speed of {@code FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2}, in occurrences/s,
 *       and of the "next occurrence after now" the ticker computes per firing, in calls/s.
 *   <li>N active automations firing every minute ({@code FREQ=MINUTELY}, {@code ask} action, start
 *       seconds spread over the minute): boots the packaged app ({@code target/quarkus-app}) on a
 *       throwaway database of the local PostgreSQL and the local Kafka, creates them through the
 *       REST API, and measures the lag from each occurrence's due time to its {@code
 *       zo.automation.fired} event, both as stamped by the producer and as received by a consumer.
 * </ol>
 *
 * <p>Args: [automations, default 10000] [measured minutes, default 2] [app property k=v ...]. The
 * first minute after creation is a warm-up and not measured.
 */
public final class SchedulerBenchmark {
  private static final String RULE = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2";
  private static final String SECRET = "bench-internal-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SchedulerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int automations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<String> properties =
        args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
    expansion();
    if (automations > 0) {
      firing(automations, minutes, properties);
    }
  }

  private static void expansion() {
    RecurrenceExpander expander = new RecurrenceExpander(10_000_000);
    Recurrence rule = Recurrence.of(RULE, "2026-01-01T09:00", "Europe/Berlin", List.of());
    measureExpansion(expander, rule, Duration.ofSeconds(3)); // warm-up
    double perSecond = measureExpansion(expander, rule, Duration.ofSeconds(5));
    System.out.printf(
        "expansion: %s in Europe/Berlin, 1000 occurrences per call: %.0f occurrences/s%n",
        RULE, perSecond);
    Instant now = Instant.now();
    long calls = 0;
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < end) {
      expander.after(rule, now.plusSeconds(calls % 86_400), 1);
      calls++;
    }
    System.out.printf("expansion: next occurrence after now: %.0f calls/s%n", calls / 3.0);
  }

  private static double measureExpansion(
      RecurrenceExpander expander, Recurrence rule, Duration duration) {
    long occurrences = 0;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    while (System.nanoTime() < end) {
      occurrences += expander.after(rule, null, 1000).size();
    }
    return occurrences / ((System.nanoTime() - start) / 1e9);
  }

  private static void firing(int automations, int minutes, List<String> properties)
      throws Exception {
    String jdbcUrl = LocalInfra.createDatabase();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    File log = Path.of("target", "scheduler-benchmark.log").toFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dquarkus.http.port=" + port);
    // One user owns every automation of the run: the per-user quota must admit them all.
    command.add("-Dzo.quota.automations=" + automations);
    properties.forEach(p -> command.add("-D" + p));
    command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log);
    builder.environment().put("ZO_DB_URL", jdbcUrl);
    builder.environment().put("ZO_INTERNAL_SECRET", SECRET);
    builder.environment().put("ZO_KAFKA_BOOTSTRAP", LocalInfra.KAFKA_BOOTSTRAP);
    Process app = builder.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitReady(base, app);
      measureFiring(base, automations, minutes, properties);
    } finally {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
      drop(jdbcUrl);
    }
  }

  /** Drops the throwaway database; autovacuum may still hold it for a moment after the app. */
  private static void drop(String jdbcUrl) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        LocalInfra.dropDatabase(jdbcUrl);
        return;
      } catch (IllegalStateException e) {
        if (attempt == 5) {
          System.out.printf("could not drop %s: %s%n", jdbcUrl, e.getMessage());
          return;
        }
        Thread.sleep(3000);
      }
    }
  }

  private static void measureFiring(URI base, int automations, int minutes, List<String> properties)
      throws Exception {
    String user = "bench-" + UUID.randomUUID();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.AUTOMATION_FIRED));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);

      long created = System.nanoTime();
      create(base, user, automations);
      System.out.printf(
          "firing: created %d automations through the API in %.1f s%n",
          automations, (System.nanoTime() - created) / 1e9);

      Instant warmUpEnd = Instant.now().plusSeconds(60);
      Instant measureEnd = warmUpEnd.plus(Duration.ofMinutes(minutes));
      List<Long> consumedLag = new ArrayList<>();
      List<Long> producedLag = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      int duplicates = 0;
      while (Instant.now().isBefore(measureEnd.plusSeconds(10))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
          long receivedMs = System.currentTimeMillis();
          EventEnvelope event = EventJson.read(record.value());
          JsonNode data = event.data();
          if (data == null || !user.equals(data.path("owner").asText())) {
            continue;
          }
          Instant occurrence = Instant.parse(data.path("occurrence").asText());
          if (occurrence.isBefore(warmUpEnd) || !occurrence.isBefore(measureEnd)) {
            continue;
          }
          if (!seen.add(data.path("automation_id").asText() + "@" + occurrence)) {
            duplicates++;
            continue;
          }
          consumedLag.add(receivedMs - occurrence.toEpochMilli());
          producedLag.add(record.timestamp() - occurrence.toEpochMilli());
        }
      }
      long expected = (long) automations * minutes;
      System.out.printf(
          "firing: %d automations every minute (%s), measured %d min after a warm-up: %d of %d"
              + " occurrences fired, %d duplicates%n",
          automations,
          properties.isEmpty() ? "default settings" : String.join(" ", properties),
          minutes,
          consumedLag.size(),
          expected,
          duplicates);
      print("due -> produced to Kafka (record timestamp)", producedLag);
      print("due -> received by a consumer", consumedLag);
    }
  }

  private static void print(String what, List<Long> lags) {
    if (lags.isEmpty()) {
      System.out.printf("firing: %s: no samples%n", what);
      return;
    }
    Collections.sort(lags);
    System.out.printf(
        "firing: lag %s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        what,
        lags.get(lags.size() / 2),
        lags.get(lags.size() * 9 / 10),
        lags.get(Math.min(lags.size() - 1, lags.size() * 99 / 100)),
        lags.get(lags.size() - 1));
  }

  /** Creates the automations with 8 clients; each starts today at a different second. */
  private static void create(URI base, String user, int automations) throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      clients.add(
          threads.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < automations) {
                  String body =
                      "{\"title\":\"bench-%d\",\"rrule\":\"FREQ=MINUTELY\",\"dtstart\":\"%sT00:00:%02d\",\"tzid\":\"UTC\",\"catch_up\":\"skip\",\"action\":{\"type\":\"ask\",\"prompt\":\"tick\"}}"
                          .formatted(i, today, i % 60);
                  send(base, user, body);
                }
                return null;
              }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    threads.shutdown();
  }

  private static void send(URI base, String user, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/automations"))
                .header("Content-Type", "application/json")
                .header("X-Zo-Internal-Secret", SECRET)
                .header("X-Zo-User", user)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  private static void awaitReady(URI base, Process app) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < end) {
      if (!app.isAlive()) {
        throw new IllegalStateException("the app exited; see target/scheduler-benchmark.log");
      }
      try {
        HttpResponse<Void> ready =
            HTTP.send(
                HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the app was not ready within 3 minutes");
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            LocalInfra.KAFKA_BOOTSTRAP,
            ConsumerConfig.GROUP_ID_CONFIG,
            "scheduler-bench-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
