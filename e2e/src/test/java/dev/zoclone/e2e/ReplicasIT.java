package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.Topics;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.LocalKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas each of agents and memory behind one gateway (packaged jars, one database, the local
 * Kafka): each ask sent on Kafka (twice) gets exactly one result, a conversation continues on the
 * other replica, a replica that starts leaves the live replica's runs alone while a killed
 * replica's runs are failed, and kill -9 of a replica under load loses no acknowledged write
 * (clients retry and the other replica answers).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String DEAD_REPLICA_REASON =
      "the agents replica running it stopped before the run finished";

  private static final AtomicInteger ACKNOWLEDGED = new AtomicInteger();

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static LocalPlatform.User user;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer().setDefault(Reply.text("ok"));
    LocalPlatform.Builder builder =
        LocalPlatform.builder().replicas("agents", 2).replicas("memory", 2);
    for (String agents : List.of("agents", "agents@2")) {
      builder
          .property(agents, "zo.agents.replica.heartbeat-interval", "1s")
          .property(agents, "zo.agents.replica.expiry", "6s")
          // A run below waits for a model that answers in ten minutes.
          .property(agents, "zo.agents.provider.timeout", "900s");
    }
    platform = builder.readyTimeout(Duration.ofMinutes(5)).start();
    user = platform.newUser("replicas-" + UUID.randomUUID().toString().substring(0, 8));
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
  }

  @Test
  @Order(0)
  void eachKafkaAskGetsExactlyOneResultAcrossTheAgentsReplicas() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> requests = new ArrayList<>();
    Map<String, List<JsonNode>> results = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, String> consumer = LocalKafka.consumer("replicas-it", true);
        KafkaProducer<String, String> producer = LocalKafka.producer()) {
      consumer.subscribe(List.of(Topics.AGENT_RESULTS));
      // The replicas read from the newest offset once their consumers joined: probe until a
      // request gets its answer (a probe names no user, so it fails at once).
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                String probe = "probe-" + run + "-" + UUID.randomUUID();
                producer
                    .send(new ProducerRecord<>(Topics.AGENT_REQUESTS, probe, request(probe, "")))
                    .get();
                collect(consumer, "probe-" + run, results);
                return !results.isEmpty();
              });
      for (int i = 0; i < 20; i++) {
        String id = "ask-" + run + "-" + i;
        requests.add(id);
        // Each request twice, under two keys, so the copies may reach different partitions and so
        // different replicas.
        producer
            .send(new ProducerRecord<>(Topics.AGENT_REQUESTS, id, request(id, user.id())))
            .get();
        producer.send(
            new ProducerRecord<>(Topics.AGENT_REQUESTS, id + "/again", request(id, user.id())));
      }
      producer.flush();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> {
                collect(consumer, "ask-" + run, results);
                return requests.stream().allMatch(results::containsKey);
              });
      // A second result for any request would follow its first within moments.
      long until = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < until) {
        collect(consumer, "ask-" + run, results);
      }
    }
    for (String id : requests) {
      assertThat(results.get(id)).as(id).hasSize(1);
      assertThat(results.get(id).get(0).path("status").asText()).as(id).isEqualTo("SUCCEEDED");
    }
  }

  private static String request(String id, String userId) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "request_id",
            id,
            "user",
            userId,
            "prompt",
            "kafka ask " + id,
            "model_name",
            "openai:gpt-4o-mini"));
  }

  /** Adds the results on the topic whose request id starts with {@code prefix}. */
  private static void collect(
      KafkaConsumer<String, String> consumer, String prefix, Map<String, List<JsonNode>> results)
      throws Exception {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
      JsonNode data = JSON.readTree(record.value()).path("data");
      String id = data.path("request_id").asText();
      if (id.startsWith(prefix)) {
        results.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(data);
      }
    }
  }

  @Test
  @Order(1)
  void aConversationsSecondAskSeesItsFirstOnTheOtherReplica() throws Exception {
    String word = "zebra-" + UUID.randomUUID().toString().substring(0, 8);
    model.enqueue(Reply.text("noted " + word));
    JsonNode first =
        JSON.readTree(
            direct(
                    "agents",
                    "POST",
                    "/api/v1/ask",
                    "{\"input\":\"remember " + word + "\",\"model_name\":\"openai:gpt-4o-mini\"}")
                .body());
    String conversation = first.path("conversation_id").asText();
    assertThat(conversation).as(first.toString()).isNotBlank();

    model.enqueue(Reply.text("you said " + word));
    HttpResponse<String> second =
        direct(
            "agents@2",
            "POST",
            "/api/v1/ask",
            "{\"input\":\"what did I say?\",\"model_name\":\"openai:gpt-4o-mini\","
                + "\"conversation_id\":\""
                + conversation
                + "\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    String sent = model.lastRequest().json().path("messages").toString();
    assertThat(sent).contains("remember " + word).contains("noted " + word);
  }

  @Test
  @Order(2)
  void aStartingReplicaLeavesLiveRunsAloneAndADeadReplicasRunsFail() throws Exception {
    int calls = model.requests().size();
    model.enqueue(Reply.text("never").delay(Duration.ofMinutes(10)));
    String deadRun = spawnOn("agents@2");
    model.awaitRequests(calls + 1, Duration.ofSeconds(60));
    awaitStatus("agents", deadRun, "RUNNING");
    platform.kill("agents@2");

    model.enqueue(Reply.text("late").delay(Duration.ofMinutes(10)));
    String liveRun = spawnOn("agents");
    model.awaitRequests(calls + 2, Duration.ofSeconds(60));
    awaitStatus("agents", liveRun, "RUNNING");

    // The new replica's start-up sweep and every heartbeat since spare the live replica's run.
    platform.restart("agents@2");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              JsonNode dead = view("agents@2", deadRun);
              assertThat(dead.path("status").asText()).isEqualTo("FAILED");
              assertThat(dead.path("error").asText()).isEqualTo(DEAD_REPLICA_REASON);
            });
    assertThat(view("agents@2", liveRun).path("status").asText()).isEqualTo("RUNNING");
    assertThat(view("agents", liveRun).path("status").asText()).isEqualTo("RUNNING");
    direct("agents", "DELETE", "/api/v1/agents/" + liveRun, null);
  }

  @Test
  @Order(3)
  void killingAReplicaUnderLoadLosesNoAcknowledgedWrite() throws Exception {
    int writers = 4;
    int perWriter = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        results.add(pool.submit(() -> write(writer, perWriter)));
      }
      // Kill while the writers are at it: after the first acknowledged writes.
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> results.stream().anyMatch(Future::isDone) || ACKNOWLEDGED.get() >= 8);
      platform.kill("memory@2");

      List<String> acknowledged = new ArrayList<>();
      for (Future<List<String>> result : results) {
        acknowledged.addAll(result.get());
      }
      assertThat(acknowledged).hasSize(writers * perWriter);
      for (String id : acknowledged) {
        HttpResponse<String> read =
            platform.call(user.token(), "GET", "/api/v1/memories/" + id, null);
        assertThat(read.statusCode()).as("memory %s: %s", id, read.body()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes {@code count} memories through the gateway, retrying each until acknowledged. */
  private static List<String> write(int writer, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String body =
          "{\"content\":\"writer " + writer + " note " + i + " " + UUID.randomUUID() + "\"}";
      for (int attempt = 1; ; attempt++) {
        HttpResponse<String> saved = platform.call(user.token(), "POST", "/api/v1/memories", body);
        if (saved.statusCode() == 201 || saved.statusCode() == 200) {
          ids.add(JSON.readTree(saved.body()).path("id").asText());
          ACKNOWLEDGED.incrementAndGet();
          break;
        }
        // 502/503/504 while a replica dies: the client tries again, as a client should.
        assertThat(saved.statusCode()).as(saved.body()).isIn(502, 503, 504);
        assertThat(attempt).as("attempts for one write").isLessThan(10);
        Thread.sleep(200);
      }
    }
    return ids;
  }

  private static String spawnOn(String replica) throws Exception {
    HttpResponse<String> spawned =
        direct(
            replica,
            "POST",
            "/api/v1/agents",
            "{\"prompt\":\"take your time\",\"model_name\":\"openai:gpt-4o-mini\","
                + "\"timeout_ms\":600000}");
    assertThat(spawned.statusCode()).as(spawned.body()).isEqualTo(202);
    return JSON.readTree(spawned.body()).path("id").asText();
  }

  private static void awaitStatus(String replica, String run, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(view(replica, run).path("status").asText()).isEqualTo(status));
  }

  private static JsonNode view(String replica, String run) throws Exception {
    return JSON.readTree(direct(replica, "GET", "/api/v1/agents/" + run, null).body());
  }

  /** A request straight to one replica, as the gateway sends it. */
  private static HttpResponse<String> direct(
      String replica, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.service(replica).url() + path))
            .header("X-Zo-Internal-Secret", platform.internalSecret())
            .header("X-Zo-User", user.id())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofMinutes(2))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
