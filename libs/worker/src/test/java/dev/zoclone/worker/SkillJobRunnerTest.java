package dev.zoclone.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skillkit.SkillHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skill jobs against a scripted gateway and the real bubblewrap sandbox: a version is fetched once,
 * checked against its hash, cached, and run by libs/skillkit's script runner.
 */
class SkillJobRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DETAIL = "/api/v1/skills/word-count";
  private static final String ARCHIVE = "/api/v1/skills/word-count/archive";

  @TempDir Path cacheDir;
  private ScriptedGateway gateway;
  private JobRunners runners;

  @BeforeAll
  static void sandboxIsThere() {
    assertThat(JobRunners.skillSandbox().available())
        .as("bubblewrap must work here: %s", JobRunners.skillSandbox().reason())
        .isTrue();
  }

  @BeforeEach
  void start() throws Exception {
    gateway = ScriptedGateway.start();
    GatewayAccess access = GatewayAccess.withToken(URI.create(gateway.url()), "t0k");
    runners = JobRunners.local().withSkills(access, cacheDir);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void theCurrentVersionIsFetchedOnceCachedByItsHashAndRunInTheSandbox() throws Exception {
    SkillFiles skill = wordCount("print(json.dumps({'words': len(data['text'].split())}))");
    String hash = serve(skill);

    JobOutcome first = run("{\"skill\":\"word-count\",\"input\":{\"text\":\"one two three\"}}");
    JobOutcome second =
        run(
            "{\"skill\":\"word-count\",\"version\":\""
                + hash
                + "\",\"input\":{\"text\":\"four five\"}}");

    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(first.result().path("exit_code").asInt()).isZero();
    assertThat(first.result().path("output")).isEqualTo(JSON.readTree("{\"words\":3}"));
    assertThat(first.result().path("version").asText()).isEqualTo(hash);
    assertThat(first.result().path("script").asText()).isEqualTo("scripts/count.py");
    assertThat(first.result().has("duration_ms")).isTrue();
    assertThat(first.result().has("stderr")).isTrue();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(second.result().path("output")).isEqualTo(JSON.readTree("{\"words\":2}"));
    assertThat(gateway.requests(DETAIL)).hasSize(1);
    assertThat(gateway.requests(ARCHIVE)).hasSize(1);
    assertThat(gateway.requests(ARCHIVE).get(0).query()).isEqualTo("version=" + hash);
    assertThat(gateway.requests(ARCHIVE).get(0).authorization()).isEqualTo("Bearer t0k");
    assertThat(cacheDir.resolve("skills").resolve(hash).resolve("SKILL.md")).isRegularFile();
  }

  @Test
  void aScriptThatExitsNonZeroFailsTheJobWithItsRunResult() throws Exception {
    String hash = serve(wordCount("sys.stderr.write('no text today\\n')\nsys.exit(3)"));

    JobOutcome outcome =
        run("{\"skill\":\"word-count\",\"version\":\"" + hash + "\",\"input\":{\"text\":\"x\"}}");

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.retryable()).isTrue();
    assertThat(outcome.error()).isEqualTo("skill script exit code 3");
    assertThat(outcome.result().path("exit_code").asInt()).isEqualTo(3);
    assertThat(outcome.result().path("stderr").asText()).contains("no text today");
  }

  @Test
  void theScriptSeesNoneOfTheNodesEnvironmentNorItsFiles() throws Exception {
    String hash =
        serve(
            wordCount(
                "import os\nprint(json.dumps({'env': sorted(os.environ),"
                    + " 'cache_visible': os.path.exists('"
                    + cacheDir
                    + "')}))"));

    JobOutcome outcome =
        run("{\"skill\":\"word-count\",\"version\":\"" + hash + "\",\"input\":{\"text\":\"x\"}}");

    assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
    assertThat(outcome.result().at("/output/cache_visible").asBoolean()).isFalse();
    JsonNode env = outcome.result().at("/output/env");
    assertThat(env.toString()).doesNotContain("ZO_").doesNotContain("t0k");
  }

  @Test
  void anUnknownSkillFailsForGood() throws Exception {
    gateway.answerProblem(
        "GET",
        "/api/v1/skills/nope",
        404,
        "{\"type\":\"https://zoclone.dev/problems/not-found\",\"status\":404,"
            + "\"detail\":\"skill nope\"}");

    JobOutcome outcome = run("{\"skill\":\"nope\",\"input\":{}}");

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.retryable()).isFalse();
    assertThat(outcome.error()).isEqualTo("cannot fetch skill nope: HTTP 404: skill nope");
  }

  @Test
  void anArchiveWhoseFilesDoNotHashToTheVersionIsNotRun() throws Exception {
    SkillFiles real = wordCount("print(json.dumps({'words': 0}))");
    serve(real);
    String claimed = "0".repeat(64);

    JobOutcome outcome =
        run("{\"skill\":\"word-count\",\"version\":\"" + claimed + "\",\"input\":{}}");

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.error()).contains("not " + claimed);
    assertThat(Files.exists(cacheDir.resolve("skills").resolve(claimed))).isFalse();
  }

  @Test
  void aVersionThatIsNoHashIsRefusedBeforeAnyRequest() throws Exception {
    JobOutcome outcome = run("{\"skill\":\"word-count\",\"version\":\"../../etc\",\"input\":{}}");

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.retryable()).isFalse();
    assertThat(outcome.error()).contains("is not a skill version hash");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void anUnknownScriptFailsForGoodNamingTheScripts() throws Exception {
    String hash = serve(wordCount("print(1)"));

    JobOutcome outcome =
        run(
            "{\"skill\":\"word-count\",\"version\":\""
                + hash
                + "\",\"script\":\"scripts/missing.py\",\"input\":{}}");

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.retryable()).isFalse();
    assertThat(outcome.error())
        .isEqualTo("the skill has no script 'scripts/missing.py'; scripts: count.py");
  }

  private JobOutcome run(String payload) throws Exception {
    LeasedJob job =
        new LeasedJob("j-" + System.nanoTime(), "skill", JSON.readTree(payload), 0, 1, 1L, 60);
    return runners.run(job, new RunningJob(job));
  }

  /** Serves the skill's detail and archive as the gateway would; answers its hash. */
  private String serve(SkillFiles skill) throws Exception {
    String hash = SkillHash.of(skill);
    gateway.answerJson(
        "GET", DETAIL, 200, "{\"name\":\"word-count\",\"version\":\"" + hash + "\"}");
    gateway.answerBytes(
        "GET",
        ARCHIVE,
        "application/gzip",
        SkillArchives.packTarGz(skill, "word-count"),
        Map.of("X-Zo-Skill-Version", hash));
    return hash;
  }

  private static SkillFiles wordCount(String body) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put(
        "SKILL.md",
        ("---\nname: word-count\ndescription: Counts the words of a text. Use when asked how many"
                + " words a text has.\n---\n# Word count\nRun scripts/count.py with {text}.\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put(
        "scripts/count.py",
        ("import json, sys\ndata = json.load(sys.stdin)\n" + body + "\n")
            .getBytes(StandardCharsets.UTF_8));
    return new SkillFiles("word-count", files);
  }
}
