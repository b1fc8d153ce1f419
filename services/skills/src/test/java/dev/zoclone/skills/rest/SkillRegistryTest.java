package dev.zoclone.skills.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skillkit.SkillHash;
import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.skills.TestSkills;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class SkillRegistryTest {
  @Test
  void anInstalledSkillIsListedAndShownWithItsBodyAndFiles() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("echo");

    String version = alice.installed(TestSkills.echoSkill(name));

    assertThat(version).hasSize(64);
    JsonPath list =
        alice.request().get("/api/v1/skills").then().statusCode(200).extract().jsonPath();
    assertThat(list.getList("findAll { it.name == '" + name + "' }.version"))
        .containsExactly(version);
    assertThat(list.getString("find { it.name == '" + name + "' }.source")).isEqualTo("upload");
    JsonPath shown =
        alice.request().get("/api/v1/skills/" + name).then().statusCode(200).extract().jsonPath();
    assertThat(shown.getString("description")).isEqualTo("Echoes its input. Use in tests.");
    assertThat(shown.getString("body")).contains("Use it well.");
    assertThat(shown.getList("files.path")).containsExactly("SKILL.md", "scripts/echo.py");
    assertThat(shown.getBoolean("available")).isTrue();
  }

  @Test
  void aUserPastTheSkillQuotaGetsA409ButMayStillUpdateTheirSkills() {
    SkillsCaller alice = SkillsCaller.fresh();
    List<String> names = new ArrayList<>();
    // zo.quota.skills is 4 under test
    for (int i = 0; i < 4; i++) {
      names.add(TestSkills.uniqueName("quota"));
      alice.installed(TestSkills.echoSkill(names.get(i)));
    }

    alice
        .install(TestSkills.echoSkill(TestSkills.uniqueName("fifth")), false)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/quota-exceeded"));
    alice.installed(
        TestSkills.tarGz(
            names.get(0),
            Map.of(
                "SKILL.md", TestSkills.skillMd(names.get(0), "Second.", "metadata:\n  v: '2'"))));
    SkillsCaller.fresh().installed(TestSkills.echoSkill(TestSkills.uniqueName("other")));

    alice.request().delete("/api/v1/skills/" + names.get(1)).then().statusCode(204);
    alice.installed(TestSkills.echoSkill(TestSkills.uniqueName("fifth")));
  }

  @Test
  void aNewVersionKeepsTheOlderOneReadable() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("versions");
    String first =
        alice.installed(
            TestSkills.tarGz(
                name,
                Map.of(
                    "SKILL.md", TestSkills.skillMd(name, "First.", "metadata:\n  version: '1'"))));
    String second =
        alice.installed(
            TestSkills.tarGz(
                name,
                Map.of(
                    "SKILL.md", TestSkills.skillMd(name, "Second.", "metadata:\n  version: '2'"))));

    JsonPath current =
        alice.request().get("/api/v1/skills/" + name).then().statusCode(200).extract().jsonPath();
    assertThat(current.getString("version")).isEqualTo(second);
    assertThat(current.getString("metadata_version")).isEqualTo("2");
    assertThat(current.getList("versions.version")).containsExactlyInAnyOrder(first, second);
    alice
        .request()
        .queryParam("version", first)
        .get("/api/v1/skills/" + name)
        .then()
        .statusCode(200)
        .body("description", is("First."))
        .body("version", is(first));
    alice
        .request()
        .queryParam("version", "0".repeat(64))
        .get("/api/v1/skills/" + name)
        .then()
        .statusCode(404);
  }

  @Test
  void installingTheSameFilesAgainAnswersTheSameVersionWith200() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("same");
    String version = alice.installed(TestSkills.echoSkill(name));

    alice
        .install(TestSkills.echoSkill(name), false)
        .then()
        .statusCode(200)
        .body("version", is(version));
  }

  @Test
  void anInvalidSkillIs400WithEveryProblem() {
    SkillsCaller alice = SkillsCaller.fresh();
    byte[] archive =
        TestSkills.tarGz(
            "Bad_Name",
            Map.of("SKILL.md", "---\nname: Bad_Name\nextra: 1\nmetadata: {v: 1}\n---\n"));

    Response response = alice.install(archive, false);

    response.then().statusCode(400).contentType("application/problem+json");
    assertThat(response.jsonPath().getString("type"))
        .isEqualTo("https://zoclone.dev/problems/invalid-skill");
    assertThat(response.jsonPath().getList("errors.field"))
        .contains("name", "description", "extra", "metadata.v");
  }

  @Test
  void validateListsEveryProblemAndInstallsNothing() {
    SkillsCaller alice = SkillsCaller.fresh();
    byte[] archive =
        TestSkills.tarGz("x", Map.of("SKILL.md", "---\nname: y\ncompatibility: 3\n---\n"));

    JsonPath result =
        alice
            .request()
            .contentType("application/octet-stream")
            .body(archive)
            .post("/api/v1/skills/validate")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(result.getBoolean("valid")).isFalse();
    assertThat(result.getList("problems.field"))
        .containsExactlyInAnyOrder("name", "description", "compatibility");
    alice.request().get("/api/v1/skills/y").then().statusCode(404);
  }

  @Test
  void aLegacySkillValidatesAndInstallsWithTheTriggersWarning() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("legacy");
    byte[] archive =
        TestSkills.tarGz(
            name, Map.of("SKILL.md", TestSkills.skillMd(name, "Old.", "triggers: weather, rain")));

    alice
        .request()
        .contentType("application/gzip")
        .body(archive)
        .post("/api/v1/skills/validate")
        .then()
        .statusCode(200)
        .body("valid", is(true))
        .body("warnings.field", hasItem("triggers"));
    alice
        .install(archive, false)
        .then()
        .statusCode(201)
        .body("warnings[0].message", org.hamcrest.Matchers.containsString("under metadata"));
    alice
        .request()
        .get("/api/v1/skills")
        .then()
        .body("find { it.name == '" + name + "' }.triggers", is(List.of("weather", "rain")));
  }

  @Test
  void aHostileArchiveIsRefusedBeforeAnythingIsStored() throws IOException {
    SkillsCaller alice = SkillsCaller.fresh();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      byte[] md = TestSkills.skillMd("evil", "Evil.").getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry manifest = new TarArchiveEntry("evil/SKILL.md");
      manifest.setSize(md.length);
      tar.putArchiveEntry(manifest);
      tar.write(md);
      tar.closeArchiveEntry();
      TarArchiveEntry link = new TarArchiveEntry("evil/key", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/shadow");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      TarArchiveEntry escape = new TarArchiveEntry("evil/../../x", true);
      escape.setSize(0);
      tar.putArchiveEntry(escape);
      tar.closeArchiveEntry();
    }

    alice
        .install(bytes.toByteArray(), false)
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("evil/key", "evil/../../x"));
    alice.request().get("/api/v1/skills/evil").then().statusCode(404);
  }

  @Test
  void aBodyThatIsNoArchiveIs400() {
    SkillsCaller.fresh()
        .install("just text".getBytes(StandardCharsets.UTF_8), false)
        .then()
        .statusCode(400)
        .body("errors[0].field", is("archive"));
  }

  @Test
  void anotherUsersSkillIsInvisible() {
    SkillsCaller alice = SkillsCaller.fresh();
    SkillsCaller bob = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("private");
    alice.installed(TestSkills.echoSkill(name));

    bob.request().get("/api/v1/skills/" + name).then().statusCode(404);
    bob.request().get("/api/v1/skills/" + name + "/archive").then().statusCode(404);
    assertThat(bob.request().get("/api/v1/skills").jsonPath().getList("name")).doesNotContain(name);
    bob.request().delete("/api/v1/skills/" + name).then().statusCode(404);
  }

  @Test
  void anAdminSharesASkillAndAUsersOwnSkillShadowsIt() {
    SkillsCaller admin = SkillsCaller.freshAdmin();
    SkillsCaller alice = SkillsCaller.fresh();
    SkillsCaller bob = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("shared");
    String shared =
        admin
            .install(TestSkills.echoSkill(name), true)
            .then()
            .statusCode(201)
            .extract()
            .path("version");
    byte[] own =
        TestSkills.tarGz(name, Map.of("SKILL.md", TestSkills.skillMd(name, "Alice's own.")));
    String mine = alice.installed(own);

    bob.request()
        .get("/api/v1/skills/" + name)
        .then()
        .statusCode(200)
        .body("version", is(shared))
        .body("shared", is(true));
    alice
        .request()
        .get("/api/v1/skills/" + name)
        .then()
        .statusCode(200)
        .body("version", is(mine))
        .body("shared", is(false));
    assertThat(
            alice
                .request()
                .get("/api/v1/skills")
                .jsonPath()
                .getList("findAll { it.name == '" + name + "' }"))
        .hasSize(1);

    alice.request().delete("/api/v1/skills/" + name).then().statusCode(204);
    alice
        .request()
        .get("/api/v1/skills/" + name)
        .then()
        .statusCode(200)
        .body("version", is(shared));
    alice.request().delete("/api/v1/skills/" + name).then().statusCode(403);
    alice.install(own, true).then().statusCode(403);
    admin
        .request()
        .queryParam("shared", true)
        .delete("/api/v1/skills/" + name)
        .then()
        .statusCode(204);
    bob.request().get("/api/v1/skills/" + name).then().statusCode(404);
  }

  @Test
  void theArchiveOfAVersionUnpacksToTheSameHash() throws IOException {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("download");
    String version = alice.installed(TestSkills.echoSkill(name));

    Response response = alice.request().get("/api/v1/skills/" + name + "/archive");

    response
        .then()
        .statusCode(200)
        .contentType("application/gzip")
        .header("X-Zo-Skill-Version", version);
    SkillFiles files = SkillArchives.read(response.asByteArray());
    assertThat(files.folder()).contains(name);
    assertThat(SkillHash.of(files)).isEqualTo(version);
    alice
        .request()
        .queryParam("version", version)
        .get("/api/v1/skills/" + name + "/archive")
        .then()
        .statusCode(200)
        .header("X-Zo-Skill-Version", version);
    alice
        .request()
        .queryParam("version", "f".repeat(64))
        .get("/api/v1/skills/" + name + "/archive")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void oneFileOfASkillIsReadable() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("files");
    alice.installed(TestSkills.echoSkill(name));

    String script =
        alice
            .request()
            .queryParam("path", "scripts/echo.py")
            .get("/api/v1/skills/" + name + "/files")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertThat(script).contains("json.load(sys.stdin)");
    alice
        .request()
        .queryParam("path", "scripts/none.py")
        .get("/api/v1/skills/" + name + "/files")
        .then()
        .statusCode(404);
    alice.request().get("/api/v1/skills/" + name + "/files").then().statusCode(400);
  }

  @Test
  void aSkillWhoseRequirementIsMissingIsListedUnavailableWithTheReason() {
    SkillsCaller alice = SkillsCaller.fresh();
    String name = TestSkills.uniqueName("needs");
    alice.installed(
        TestSkills.tarGz(
            name,
            Map.of(
                "SKILL.md",
                TestSkills.skillMd(
                    name,
                    "Needs a tool.",
                    "metadata:\n  requires: 'zo-no-such-tool python3>=3.8'"))));

    alice
        .request()
        .get("/api/v1/skills")
        .then()
        .body("find { it.name == '" + name + "' }.available", is(false))
        .body("find { it.name == '" + name + "' }.reason", is("zo-no-such-tool is not installed"));
  }
}
