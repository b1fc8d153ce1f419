package dev.zoclone.bench.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Latencies;
import dev.zoclone.bench.Stack;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.testing.infra.LocalKafka;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The scheduler through the gateway: the preview of 1,000 occurrences of a monthly rule in a time
 * zone (the expansion a user waits for while typing a rule), then N automations firing every minute
 * ({@code FREQ=MINUTELY}, starts spread over the minute, created through the gateway) and the lag
 * from each occurrence's due time to its {@code zo.automation.fired} record as a consumer receives
 * it, after one minute of warm-up. Sizes: {@code bench.scheduler.automations} (10,000), {@code
 * bench.scheduler.minutes} (1), {@code bench.scheduler.previews} (200).
 */
public final class SchedulerBenchmark implements Benchmark {
  private static final String RULE = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2";

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public List<Figure> run() throws Exception {
    int automations = size("automations", 10_000);
    int minutes = size("minutes", 1);
    int previews = size("previews", 200);
    List<Figure> figures = new ArrayList<>();
    try (LocalPlatform platform =
        LocalPlatform.builder()
            .service("scheduler")
            // One user owns every automation of the run: the per-user quota must admit them all.
            .property("scheduler", "zo.quota.automations", String.valueOf(automations))
            .start()) {
      Stack stack = new Stack(platform);
      LocalPlatform.User user = platform.newUser("scheduler-bench");
      figures.add(preview(stack, user.token(), previews));
      figures.addAll(firing(stack, user, automations, minutes));
    }
    return figures;
  }

  private Figure preview(Stack stack, String token, int previews) throws Exception {
    String body =
        "{\"rrule\":\""
            + RULE
            + "\",\"dtstart\":\"2026-01-01T09:00:00\",\"tzid\":\"Europe/Berlin\",\"count\":1000}";
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < previews + 20; i++) {
      long begin = System.nanoTime();
      JsonNode answer = stack.call(token, "POST", "/api/v1/automations/preview", body);
      long took = System.nanoTime() - begin;
      if (answer.path("occurrences").size() != 1000) {
        throw new IllegalStateException("the preview answered " + answer);
      }
      if (i >= 20) {
        nanos.add(took);
      }
    }
    return Figure.of(
        name(),
        "preview of 1,000 occurrences of " + RULE + " in Europe/Berlin, p50",
        new Latencies(nanos).p50(),
        "ms");
  }

  private List<Figure> firing(Stack stack, LocalPlatform.User user, int automations, int minutes)
      throws Exception {
    String owner = user.id();
    try (KafkaConsumer<String, String> consumer = LocalKafka.consumer("scheduler-bench", true)) {
      LocalKafka.subscribe(consumer, List.of(Topics.AUTOMATION_FIRED), Duration.ofMinutes(1));
      create(stack, user.token(), automations);

      Instant warmUpEnd = Instant.now().plusSeconds(60);
      Instant measureEnd = warmUpEnd.plus(Duration.ofMinutes(minutes));
      List<Long> lags = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      int duplicates = 0;
      while (Instant.now().isBefore(measureEnd.plusSeconds(10))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
          long receivedMs = System.currentTimeMillis();
          EventEnvelope event = EventJson.read(record.value());
          JsonNode data = event.data();
          if (data == null || !owner.equals(data.path("owner").asText())) {
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
          lags.add((receivedMs - occurrence.toEpochMilli()) * 1_000_000L);
        }
      }
      long expected = (long) automations * minutes;
      String what = automations + " automations every minute, " + minutes + " min measured";
      Latencies lag = new Latencies(lags);
      return List.of(
          Figure.atLeast(name(), what + ": occurrences fired", lags.size(), "fires", expected),
          Figure.atMost(name(), what + ": duplicate fires", duplicates, "fires", 0),
          Figure.of(name(), what + ": lag due → consumer, p50", lag.p50(), "ms"),
          Figure.atMost(
              name(), what + ": lag due → consumer, p99", lag.percentileMs(99), "ms", 1000));
    }
  }

  /** Creates the automations with 8 clients; each starts today at a different second. */
  private static void create(Stack stack, String token, int automations) throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        clients.add(
            threads.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < automations) {
                    stack.call(
                        token,
                        "POST",
                        "/api/v1/automations",
                        "{\"title\":\"bench-%d\",\"rrule\":\"FREQ=MINUTELY\",\"dtstart\":\"%sT00:00:%02d\",\"tzid\":\"UTC\",\"catch_up\":\"skip\",\"action\":{\"type\":\"ask\",\"prompt\":\"tick\"}}"
                            .formatted(i, today, i % 60));
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      threads.shutdown();
    }
  }
}
