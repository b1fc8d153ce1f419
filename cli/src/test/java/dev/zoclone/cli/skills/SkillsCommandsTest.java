package dev.zoclone.cli.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SkillsCommandsTest {
  @TempDir Path home;
  @TempDir Path work;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  private Path skillFolder(String folder, String frontmatter) throws IOException {
    Path dir = work.resolve(folder);
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(dir.resolve("SKILL.md"), "---\n" + frontmatter + "---\n# Body\n");
    Files.writeString(dir.resolve("scripts/x.py"), "print(1)\n");
    return dir;
  }

  @Test
  void validateChecksAFolderLocallyWithoutAGateway() throws IOException {
    Path good = skillFolder("good", "name: good\ndescription: Fine.\n");

    Run run = zoWithoutGateway("skills", "validate", good.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(good + ": valid\n");
  }

  @Test
  void validateListsEveryProblemAndExitsOne() throws IOException {
    Path bad = skillFolder("bad", "name: Other\nlicense: [x]\nextra: 1\n");

    Run run = zoWithoutGateway("skills", "validate", bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("name: may contain only lower-case letters")
        .contains("name: 'Other' differs from its folder's name 'bad'")
        .contains("description: is required")
        .contains("license: must be a string")
        .contains("extra: unknown frontmatter key")
        .contains("5 problem(s)");
  }

  @Test
  void validateWarnsAboutLegacyTriggers() throws IOException {
    Path legacy = skillFolder("old", "name: old\ndescription: Old.\ntriggers: a, b\n");

    Run run = zoWithoutGateway("skills", "validate", legacy.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("warning: triggers:").contains("move it under metadata");
  }

  @Test
  void installPacksAFolderAndPrintsTheVersion() throws IOException {
    Path dir = skillFolder("hello", "name: hello\ndescription: Hi.\n");
    gateway.answerJson(
        "POST",
        "/api/v1/skills",
        201,
        "{\"name\":\"hello\",\"version\":\"abc123\",\"shared\":false,\"warnings\":[]}");

    Run run = zo("skills", "install", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Installed hello version abc123.\n");
    assertThat(gateway.onlyRequest().contentType()).isEqualTo("application/octet-stream");
    assertThat(gateway.onlyRequest().body()).startsWith("\u001f");
  }

  @Test
  void installWithProgressReportsTheBytesSentOfTheTotalOnStderr() throws IOException {
    byte[] archive = new byte[3 * 1024 * 1024];
    for (int i = 0; i < archive.length; i++) {
      archive[i] = (byte) ('a' + i % 26);
    }
    Path big = Files.write(home.resolve("big.tar.gz"), archive);
    gateway.answerJson(
        "POST",
        "/api/v1/skills",
        201,
        "{\"name\":\"big\",\"version\":\"v1\",\"shared\":false,\"warnings\":[]}");

    Run run = zo("skills", "install", big.toString(), "--progress");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Installed big version v1.\n");
    assertThat(run.err())
        .startsWith("\ruploading big.tar.gz: 0.1 MiB of 3.0 MiB (2%)")
        .contains("\ruploading big.tar.gz: 1.5 MiB of 3.0 MiB (50%)")
        .endsWith("\ruploading big.tar.gz: 3.0 MiB of 3.0 MiB (100%)\n");
    assertThat(gateway.onlyRequest().body()).hasSize(archive.length);
    assertThat(gateway.onlyRequest().body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(archive);
  }

  @Test
  void installWithoutProgressAndStderrNotATerminalPrintsNoProgress() throws IOException {
    Path big = Files.write(home.resolve("big.tar.gz"), new byte[2 * 1024 * 1024]);
    gateway.answerJson(
        "POST",
        "/api/v1/skills",
        201,
        "{\"name\":\"big\",\"version\":\"v1\",\"shared\":false,\"warnings\":[]}");

    Run run = zo("skills", "install", big.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void installOfAnInvalidSkillPrintsEveryProblem() throws IOException {
    Path dir = skillFolder("hello", "name: hello\ndescription: Hi.\n");
    gateway.answerProblem(
        "POST",
        "/api/v1/skills",
        400,
        "{\"type\":\"https://zoclone.dev/problems/invalid-skill\",\"title\":\"Invalid skill\","
            + "\"status\":400,\"detail\":\"2 problem(s): name: is required; extra: unknown\",\"errors\":[{\"field\":\"name\","
            + "\"message\":\"is required\"},{\"field\":\"extra\",\"message\":\"unknown\"}]}");

    Run run = zo("skills", "install", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("name: is required").contains("extra: unknown");
  }

  @Test
  void runSendsTheInputAndPrintsTheOutput() throws IOException {
    Files.writeString(work.resolve("in.json"), "{\"a\": 1}");
    gateway.answerJson(
        "POST",
        "/api/v1/skills/adder/run",
        200,
        "{\"run_id\":\"r1\",\"exit_code\":0,\"output\":{\"sum\":3},\"stderr\":\"\","
            + "\"duration_ms\":40,\"version\":\"v1\"}");

    Run run =
        zo(
            "skills",
            "run",
            "adder",
            "--script",
            "add.py",
            "--input",
            "@" + work.resolve("in.json"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{\n  \"sum\" : 3\n}\n");
    assertThat(gateway.onlyRequest().body())
        .isEqualTo("{\"script\":\"add.py\",\"input\":{\"a\":1}}");
  }

  @Test
  void aRunWhoseScriptFailsExitsOneWithItsStderr() {
    gateway.answerJson(
        "POST",
        "/api/v1/skills/bad/run",
        200,
        "{\"run_id\":\"r1\",\"exit_code\":3,\"output\":\"partial\",\"stderr\":\"boom\\n\","
            + "\"duration_ms\":40,\"version\":\"v1\"}");

    Run run = zo("skills", "run", "bad", "--input", "{}");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("partial\n");
    assertThat(run.err()).contains("boom").contains("the script exited with 3");
  }

  @Test
  void runRefusesInputThatIsNotJson() {
    Run run = zo("skills", "run", "x", "--input", "{not json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--input is not JSON");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void lsPrintsATable() {
    gateway.answerJson(
        "GET",
        "/api/v1/skills",
        200,
        "[{\"name\":\"csv-stats\",\"description\":\"Column statistics.\",\"version\":\""
            + "0123456789abcdef\",\"source\":\"repo\",\"shared\":true,\"available\":true},"
            + "{\"name\":\"needy\",\"description\":\"Needs node.\",\"version\":\"fedcba9876543210\","
            + "\"source\":\"upload\",\"shared\":false,\"available\":false,\"reason\":\"node is not installed\"}]");

    assertThat(zo("skills", "ls").out())
        .isEqualTo(
            "NAME       VERSION       SOURCE  AVAILABLE                  DESCRIPTION\n"
                + "csv-stats  0123456789ab  repo    yes                        Column statistics.\n"
                + "needy      fedcba987654  upload  no: node is not installed  Needs node.\n");
  }

  @Test
  void runsAndRmCallTheirRoutes() {
    gateway.answerJson(
        "GET",
        "/api/v1/skills/runs",
        200,
        "{\"runs\":[{\"run_id\":\"r1\",\"skill\":\"s\",\"script\":\"scripts/x.py\",\"exit_code\":0,"
            + "\"duration_ms\":12,\"timed_out\":false,\"created_at\":\"2026-12-07T05:00:00Z\"}]}");
    gateway.answerEmpty("DELETE", "/api/v1/skills/s", 204);

    assertThat(zo("skills", "runs", "--skill", "s").out())
        .isEqualTo(
            "RUN  SKILL  SCRIPT        EXIT  MS  AT\n"
                + "r1   s      scripts/x.py  0     12  2026-12-07T05:00:00Z\n");
    assertThat(zo("skills", "rm", "s").out()).isEqualTo("Deleted skill s.\n");
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }

  private Run zoWithoutGateway(String... args) {
    return Zo.run(Map.of("ZO_URL", "http://127.0.0.1:9"), home, args);
  }
}
