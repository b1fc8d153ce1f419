package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.OtlpReceiver;
import dev.zoclone.e2e.support.OtlpReceiver.ReceivedSpan;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across the platform, as the services export it over OTLP/HTTP to a receiver in the test
 * (packaged jars, every span sampled): an ask runs gateway → agents → memory, each span the child
 * of the one before; a job an automation fires runs scheduler → Kafka → pool.
 */
class TracesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int SERVER = 2;
  private static final int CLIENT = 3;
  private static final int PRODUCER = 4;
  private static final int CONSUMER = 5;

  static OtlpReceiver receiver;
  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static LocalPlatform.User user;

  @BeforeAll
  static void start() throws Exception {
    receiver = new OtlpReceiver();
    model = new FakeOpenAiServer().setDefault(Reply.text("traced"));
    LocalPlatform.Builder builder =
        LocalPlatform.builder()
            .service("agents")
            .service("memory")
            .service("scheduler")
            .service("pool")
            // The pool reads zo.pool.jobs in a group of its own, from the end: the broker is
            // shared.
            .property(
                "pool",
                "mp.messaging.incoming.pool-jobs.group.id",
                "pool-traces-" + UUID.randomUUID())
            .property("pool", "mp.messaging.incoming.pool-jobs.auto.offset.reset", "latest");
    for (String service : List.of("gateway", "agents", "memory", "scheduler", "pool")) {
      builder
          .property(service, "quarkus.otel.traces.sampler.arg", "1")
          .property(service, "quarkus.otel.exporter.otlp.traces.endpoint", receiver.endpoint())
          .property(service, "quarkus.otel.bsp.schedule.delay", "200ms");
    }
    platform = builder.readyTimeout(Duration.ofMinutes(5)).start();
    user = platform.newUser("traces-" + UUID.randomUUID().toString().substring(0, 8));
    platform.putKey(user.token(), "openai", model.baseUrl(), "gpt-4o-mini");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void oneAsksTraceRunsFromTheGatewayThroughAgentsToMemory() throws Exception {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String clientSpan = HexFormat.of().formatHex(randomBytes(8));
    HttpResponse<String> ask =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/ask"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"input\":\"trace me\",\"model_name\":\"openai:gpt-4o-mini\"}"))
                .timeout(Duration.ofMinutes(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<ReceivedSpan> trace = receiver.trace(traceId);
              assertThat(receiver.refused()).as("exports the receiver could not read").isEmpty();
              ReceivedSpan gateway = only(trace, "gateway", SERVER, clientSpan);
              ReceivedSpan agents = childOf(trace, "agents", SERVER, "gateway", gateway);
              ReceivedSpan agentsToMemory = below(trace, "agents", CLIENT, agents);
              ReceivedSpan memory =
                  trace.stream()
                      .filter(s -> s.service().equals("memory") && s.kind() == SERVER)
                      .filter(s -> s.parentSpanId().equals(agentsToMemory.spanId()))
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no memory span under agents"));
              assertThat(memory.traceId()).isEqualTo(traceId);
            });
  }

  @Test
  void aFiredJobsTraceRunsFromTheSchedulerThroughKafkaToThePool() throws Exception {
    HttpResponse<String> created =
        platform.call(
            user.token(),
            "POST",
            "/api/v1/automations",
            "{\"title\":\"traced job\",\"rrule\":\"FREQ=SECONDLY;INTERVAL=5\",\"tzid\":\"UTC\","
                + "\"action\":{\"type\":\"job\",\"payload\":{\"kind\":\"shell\","
                + "\"payload\":{\"command\":\"true\"}}}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String automation = JSON.readTree(created.body()).path("id").asText();
    try {
      // It fires every 5 s: some fire after the pool's consumer joined its group.
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> firedJobTrace().isPresent());
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("no fired job's trace reached the pool; spans: " + summary(), e);
      }
      List<ReceivedSpan> trace = firedJobTrace().orElseThrow();
      ReceivedSpan fire = named(trace, "scheduler", "automation fire");
      ReceivedSpan publish =
          trace.stream()
              .filter(s -> s.kind() == PRODUCER && s.name().equals("zo.pool.jobs publish"))
              .findFirst()
              .orElseThrow();
      assertThat(publish.service()).isEqualTo("scheduler");
      assertThat(publish.parentSpanId()).isEqualTo(fire.spanId());
      ReceivedSpan consumed =
          trace.stream()
              .filter(s -> s.service().equals("pool") && s.kind() == CONSUMER)
              .findFirst()
              .orElseThrow();
      assertThat(consumed.parentSpanId()).isEqualTo(publish.spanId());
      ReceivedSpan submitted = named(trace, "pool", "pool job submit");
      assertThat(submitted.parentSpanId()).isEqualTo(consumed.spanId());
    } finally {
      platform.call(user.token(), "DELETE", "/api/v1/automations/" + automation, null);
    }
  }

  /** What the receiver holds, span by service, name and kind, for a failure's message. */
  private static String summary() {
    return receiver.spans().stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.service() + " " + s.name() + " (" + s.kind() + ")",
                    java.util.TreeMap::new,
                    Collectors.counting()))
        + ", exports refused: "
        + receiver.refused();
  }

  /** A trace whose automation fire reached the pool's job submission, once all of it arrived. */
  private static Optional<List<ReceivedSpan>> firedJobTrace() {
    Set<String> fired =
        receiver.spans().stream()
            .filter(s -> s.service().equals("scheduler") && s.name().equals("automation fire"))
            .map(ReceivedSpan::traceId)
            .collect(Collectors.toSet());
    return fired.stream()
        .map(receiver::trace)
        .filter(
            trace ->
                trace.stream()
                    .anyMatch(
                        s -> s.service().equals("pool") && s.name().equals("pool job submit")))
        .findFirst();
  }

  private static ReceivedSpan named(List<ReceivedSpan> trace, String service, String name) {
    return trace.stream()
        .filter(s -> s.service().equals(service) && s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " span of " + service));
  }

  private static ReceivedSpan only(
      List<ReceivedSpan> trace, String service, int kind, String parentSpanId) {
    return trace.stream()
        .filter(s -> s.service().equals(service) && s.kind() == kind)
        .filter(s -> s.parentSpanId().equals(parentSpanId))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no " + service + " span under " + parentSpanId + ": " + trace));
  }

  /** A span of {@code service} whose parent is {@code parent} or a span below it in its service. */
  private static ReceivedSpan childOf(
      List<ReceivedSpan> trace,
      String service,
      int kind,
      String parentService,
      ReceivedSpan parent) {
    Set<String> parents =
        trace.stream()
            .filter(s -> s.service().equals(parentService))
            .map(ReceivedSpan::spanId)
            .collect(Collectors.toSet());
    assertThat(parents).contains(parent.spanId());
    return trace.stream()
        .filter(s -> s.service().equals(service) && s.kind() == kind)
        .filter(s -> parents.contains(s.parentSpanId()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + service + " span under a " + parentService + " span: " + trace));
  }

  /** A span of {@code kind} in the same service, under {@code root} (its child or deeper). */
  private static ReceivedSpan below(
      List<ReceivedSpan> trace, String service, int kind, ReceivedSpan root) {
    return trace.stream()
        .filter(s -> s.service().equals(service) && s.kind() == kind)
        .filter(s -> descends(trace, s, root.spanId()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + service + " span of kind " + kind + ": " + trace));
  }

  private static boolean descends(List<ReceivedSpan> trace, ReceivedSpan span, String ancestor) {
    ReceivedSpan current = span;
    for (int depth = 0; depth < 50 && current != null; depth++) {
      if (current.parentSpanId().equals(ancestor)) {
        return true;
      }
      String parent = current.parentSpanId();
      current = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
    }
    return false;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
