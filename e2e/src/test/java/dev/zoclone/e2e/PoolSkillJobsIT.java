package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.worker.GatewayAccess;
import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.JobRunners;
import dev.zoclone.worker.PoolWorker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged gateway, skills and pool as processes and a {@code zo node} worker (libs/worker, in
 * this JVM) with the bubblewrap sandbox: a skill job waits, saying why, until a node that runs
 * skills is up; the node then fetches the skill's version through the gateway as the job's owner,
 * caches it by hash and runs it with libs/skillkit's script runner.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolSkillJobsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "DEAD", "CANCELLED");

  static LocalPlatform platform;
  static String token;
  static Path cacheDir;
  static PoolWorker worker;
  static Thread workerThread;
  static final StringWriter log = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    assertThat(JobRunners.skillSandbox().available())
        .as("bubblewrap must work here: %s", JobRunners.skillSandbox().reason())
        .isTrue();
    platform = LocalPlatform.start("skills", "pool");
    token = platform.newUserToken("e2e-skills-" + UUID.randomUUID().toString().substring(0, 8));
    cacheDir = Files.createTempDirectory("zo-e2e-node-cache");
  }

  @AfterAll
  static void stop() throws Exception {
    if (worker != null) {
      worker.shutdown(Duration.ofSeconds(5));
      workerThread.join(10_000);
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void aSkillJobWaitsForANodeThatRunsSkillsThenRunsTheOperatorsSkill() throws Exception {
    // the operator drops a skill into $ZO_HOME/skills: shared with every user
    // (written beside it, then moved in whole, so no scan sees half a skill)
    Path staged = platform.home().resolve("staging/word-count");
    wordCount("print(json.dumps({'words': len(data['text'].split())}))").writeTo(staged);
    Files.createDirectories(platform.home().resolve("skills"));
    Files.move(staged, platform.home().resolve("skills/word-count"));
    JsonNode listed =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> call("GET", "/api/v1/skills/word-count", null), r -> r.statusCode() == 200)
            .body()
            .transform(PoolSkillJobsIT::json);
    String version = listed.path("version").asText();
    assertThat(version).hasSize(64);

    String id =
        submit(
            "{\"kind\":\"skill\",\"payload\":{\"skill\":\"word-count\","
                + "\"input\":{\"text\":\"one two three\"}}}");
    JsonNode waiting = job(id);
    assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
    assertThat(waiting.path("waiting_for").asText())
        .isEqualTo("no live node of yours offers kind 'skill' (none of your nodes is online)");

    startWorker();
    JsonNode done = awaitFinished(id);

    assertThat(done.path("status").asText()).as(done + "\n" + log).isEqualTo("SUCCEEDED");
    JsonNode result = done.path("result");
    assertThat(result.path("exit_code").asInt()).isZero();
    assertThat(result.path("output")).isEqualTo(JSON.readTree("{\"words\":3}"));
    assertThat(result.path("version").asText()).isEqualTo(version);
    assertThat(result.has("duration_ms")).isTrue();
    assertThat(done.path("waiting_for").isNull() || done.path("waiting_for").isMissingNode())
        .isTrue();
    assertThat(cacheDir.resolve("skills").resolve(version).resolve("scripts/count.py"))
        .isRegularFile();
  }

  @Test
  @Order(2)
  void aJobPinnedToAnOlderVersionOfTheUsersOwnSkillRunsThatVersion() throws Exception {
    startWorker();
    String first = install(shout("print(json.dumps(data['text'].upper()))"));
    String second = install(shout("print(json.dumps(data['text'][::-1]))"));
    assertThat(first).isNotEqualTo(second);

    String pinned =
        submit(
            "{\"kind\":\"skill\",\"payload\":{\"skill\":\"shout\",\"version\":\""
                + first
                + "\",\"input\":{\"text\":\"hello\"}}}");
    String current =
        submit(
            "{\"kind\":\"skill\",\"payload\":{\"skill\":\"shout\",\"input\":{\"text\":\"hello\"}}}");
    JsonNode old = awaitFinished(pinned);
    JsonNode now = awaitFinished(current);

    assertThat(old.path("status").asText()).as(old + "\n" + log).isEqualTo("SUCCEEDED");
    assertThat(old.at("/result/output").asText()).isEqualTo("HELLO");
    assertThat(old.at("/result/version").asText()).isEqualTo(first);
    assertThat(now.path("status").asText()).as(now + "\n" + log).isEqualTo("SUCCEEDED");
    assertThat(now.at("/result/output").asText()).isEqualTo("olleh");
    assertThat(now.at("/result/version").asText()).isEqualTo(second);
  }

  @Test
  @Order(3)
  void aJobForASkillTheOwnerCannotSeeFailsForGood() throws Exception {
    startWorker();
    String id =
        submit(
            "{\"kind\":\"skill\",\"max_attempts\":3,\"payload\":{\"skill\":\"no-such-skill\","
                + "\"input\":{}}}");
    JsonNode job = awaitFinished(id);

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("FAILED");
    assertThat(job.path("attempts").asInt()).isEqualTo(1);
    assertThat(job.path("error").asText()).startsWith("cannot fetch skill no-such-skill: HTTP 404");
  }

  private static synchronized void startWorker() {
    if (worker != null) {
      return;
    }
    GatewayAccess access = GatewayAccess.withToken(URI.create(platform.gatewayUrl()), token);
    worker =
        new PoolWorker(
            GatewayPoolApi.of(access),
            "e2e-skill-node",
            Map.of(),
            2,
            JobRunners.local().withSkills(access, cacheDir),
            new PrintWriter(log, true));
    workerThread =
        new Thread(
            () -> {
              try {
                worker.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "e2e-skill-node");
    workerThread.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> worker.nodeId() != null);
  }

  private static SkillFiles wordCount(String body) {
    return skill(
        "word-count",
        "Counts the words of a text. Use when asked how many words a text has.",
        "scripts/count.py",
        body);
  }

  private static SkillFiles shout(String body) {
    return skill(
        "shout", "Transforms a text. Use to test skill versions.", "scripts/shout.py", body);
  }

  private static SkillFiles skill(String name, String description, String script, String body) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put(
        "SKILL.md",
        ("---\nname: " + name + "\ndescription: " + description + "\n---\n# " + name + "\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put(
        script,
        ("import json, sys\ndata = json.load(sys.stdin)\n" + body + "\n")
            .getBytes(StandardCharsets.UTF_8));
    return new SkillFiles(name, files);
  }

  /** Installs the skill as the user's own; answers its version. */
  private static String install(SkillFiles skill) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/skills"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/gzip")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    SkillArchives.packTarGz(skill, skill.folder().orElseThrow())))
            .timeout(Duration.ofSeconds(60))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response.body()).path("version").asText();
  }

  private static String submit(String body) throws Exception {
    HttpResponse<String> response = call("POST", "/api/v1/jobs", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response.body()).path("id").asText();
  }

  private static JsonNode job(String id) throws Exception {
    return json(call("GET", "/api/v1/jobs/" + id, null).body());
  }

  private static JsonNode awaitFinished(String id) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> job(id), job -> FINISHED.contains(job.path("status").asText()));
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  private static HttpResponse<String> call(String method, String path, String body)
      throws Exception {
    return platform.call(token, method, path, body);
  }
}
