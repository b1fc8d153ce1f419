package dev.zoclone.skills.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.skills.TestSkills;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripts that misbehave end cleanly, confined, and the service stays healthy. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class BadScriptTest {
  private final SkillsCaller alice = SkillsCaller.fresh();

  private JsonPath run(String extension, String code, Map<String, Object> body) {
    String name = TestSkills.uniqueName("bad");
    alice.installed(TestSkills.scriptSkill(name, extension, code));
    return alice.run(name, body).then().statusCode(200).extract().jsonPath();
  }

  @AfterEach
  void theServiceStaysHealthyAndRunsTheNextScript() {
    given().get("/q/health/ready").then().statusCode(200);
    String name = TestSkills.uniqueName("after");
    alice.installed(TestSkills.echoSkill(name));
    alice
        .run(name, Map.of("input", 1))
        .then()
        .statusCode(200)
        .body("output.got", org.hamcrest.Matchers.is(1));
  }

  @Test
  void anEndlessLoopIsKilledAtItsWallTime() {
    long started = System.nanoTime();

    JsonPath run = run("py", "while True:\n    pass\n", Map.of("timeout_ms", 1500));

    assertThat(run.getBoolean("timed_out")).isTrue();
    assertThat(run.getInt("exit_code")).isNotZero();
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(30_000);
  }

  @Test
  void aForkBombHitsTheProcessLimitAndDiesWithItsTree() {
    JsonPath run =
        run("sh", "bomb() { bomb | bomb & }\nbomb\nsleep 60\n", Map.of("timeout_ms", 4000));

    assertThat(run.getBoolean("timed_out")).isTrue();
    assertThat(run.getString("stderr")).contains("Resource temporarily unavailable");
  }

  @Test
  void aGigabyteOfOutputIsCappedAtOneMegabyte() {
    JsonPath run =
        run(
            "py",
            "import sys\nchunk = 'x' * (1024 * 1024)\nfor _ in range(1024):\n"
                + "    sys.stdout.write(chunk)\n",
            Map.of("timeout_ms", 120_000));

    assertThat(run.getBoolean("stdout_truncated")).isTrue();
    assertThat(run.getString("output").length()).isLessThanOrEqualTo(1024 * 1024);
    assertThat(run.getBoolean("timed_out")).isFalse();
  }

  @Test
  void aFourGigabyteAllocationFails() {
    JsonPath run = run("py", "buffer = bytearray(4 * 1024 ** 3)\nprint('allocated')\n", Map.of());

    assertThat(run.getInt("exit_code")).isNotZero();
    assertThat(run.getString("stderr")).contains("MemoryError");
    assertThat(run.getString("output")).doesNotContain("allocated");
  }

  @Test
  void theScriptSeesNeitherOtherSkillsNorTheServicesFilesNorItsEnvironment() {
    SkillsCaller bob = SkillsCaller.fresh();
    String secret = TestSkills.uniqueName("bobs");
    String bobsVersion = bob.installed(TestSkills.echoSkill(secret));
    bob.run(secret, Map.of()).then().statusCode(200);
    Path cache = Path.of("target/skills-cache").toAbsolutePath();
    String code =
        String.join(
            "\n",
            "import json, os, sys",
            "paths = json.load(sys.stdin)['paths']",
            "seen = {p: os.path.exists(p) for p in paths}",
            "environ = dict(os.environ)",
            "proc = []",
            "for pid in os.listdir('/proc'):",
            "    if pid.isdigit():",
            "        try:",
            "            proc.append(open('/proc/' + pid + '/environ', 'rb').read().decode(errors='replace'))",
            "        except Exception:",
            "            pass",
            "print(json.dumps({'seen': seen, 'environ': environ, 'proc': proc, 'root': sorted(os.listdir('/'))}))",
            "");

    JsonPath run =
        run(
            "py",
            code,
            Map.of(
                "input",
                Map.of(
                    "paths",
                    java.util.List.of(
                        cache.resolve(bobsVersion).toString(),
                        cache.toString(),
                        Path.of("").toAbsolutePath().toString(),
                        "/root",
                        "/etc/shadow"))));

    Map<String, Boolean> seen = run.getMap("output.seen");
    assertThat(seen).isNotEmpty().doesNotContainValue(true);
    Map<String, String> environ = run.getMap("output.environ");
    assertThat(environ.keySet()).isSubsetOf("PATH", "LANG", "HOME", "PWD", "LC_CTYPE");
    assertThat(run.getList("output.proc").toString())
        .doesNotContain("ZO_")
        .doesNotContain("test-internal-secret")
        .doesNotContain("JAVA_HOME");
    assertThat(run.getList("output.root")).doesNotContain("root", "home");
  }

  @Test
  void aNetworkConnectionFailsWhenNotAllowed() {
    String code =
        String.join(
            "\n",
            "import socket",
            "results = []",
            "for host, port in [('127.0.0.1', 5432), ('1.1.1.1', 53)]:",
            "    try:",
            "        socket.create_connection((host, port), timeout=3).close()",
            "        results.append('connected')",
            "    except OSError as e:",
            "        results.append(type(e).__name__ + ': ' + str(e))",
            "print('\\n'.join(results))",
            "");
    String name = TestSkills.uniqueName("net");
    alice.installed(TestSkills.scriptSkill(name, "py", code, "metadata:\n  network: 'true'"));

    JsonPath run = alice.run(name, Map.of()).then().statusCode(200).extract().jsonPath();

    assertThat(run.getString("output")).doesNotContain("connected").contains("unreachable");
  }

  @Test
  void aScriptThatExitsBeforeReadingItsInputEndsCleanly() {
    JsonPath run = run("sh", "exit 3\n", Map.of("input", Map.of("big", "y".repeat(4_000_000))));

    assertThat(run.getInt("exit_code")).isEqualTo(3);
    assertThat(run.getBoolean("timed_out")).isFalse();
  }

  @Test
  void aScriptThatNeverReadsALargeInputStillFinishes() {
    JsonPath run =
        run(
            "py",
            "import time\ntime.sleep(1)\nprint('\"done\"')\n",
            Map.of("input", Map.of("big", "z".repeat(4_000_000))));

    assertThat(run.getInt("exit_code")).isZero();
    assertThat(run.getString("output")).isEqualTo("done");
  }
}
