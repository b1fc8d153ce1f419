package dev.zoclone.skills.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.skills.SkillsCaller;
import dev.zoclone.skills.TestSkills;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class FolderSkillSyncTest {
  /** zo.skills.home-dir in the test profile. */
  private static final Path HOME_SKILLS = Path.of("target/test-home/skills");

  /** The bound: a folder change is visible this soon. */
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SkillsCaller anyone = SkillsCaller.fresh();

  /** The listed skill {@code name}, or null (parsed with Jackson: no Groovy in the timed part). */
  private Map<String, Object> skill(String name) throws IOException {
    String body =
        anyone.request().get("/api/v1/skills").then().statusCode(200).extract().asString();
    List<Map<String, Object>> skills = JSON.readValue(body, new TypeReference<>() {});
    return skills.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElse(null);
  }

  @BeforeEach
  void warmUp() throws IOException {
    skill("warm-up");
  }

  @Test
  void aFolderDroppedChangedAndRemovedIsSeenWithinTwoSeconds() throws IOException {
    String name = TestSkills.uniqueName("dropped");
    Path folder = HOME_SKILLS.resolve(name);
    Files.createDirectories(folder.resolve("scripts"));
    Files.writeString(folder.resolve("scripts/hi.sh"), "echo hi\n");
    Files.writeString(folder.resolve("SKILL.md"), TestSkills.skillMd(name, "Dropped in."));

    await()
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> skill(name) != null);
    Map<String, Object> first = skill(name);
    assertThat(first).containsEntry("source", "home").containsEntry("shared", true);
    Object version = first.get("version");

    Files.writeString(folder.resolve("SKILL.md"), TestSkills.skillMd(name, "Changed."));
    await()
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "Changed.".equals(skill(name).get("description")));
    assertThat(skill(name).get("version")).isNotEqualTo(version);
    anyone
        .run(name, java.util.Map.of())
        .then()
        .statusCode(200)
        .body("output", org.hamcrest.Matchers.is("hi\n"));

    deleteTree(folder);
    await()
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> skill(name) == null);
  }

  @Test
  void anInvalidFolderIsNotListed() throws IOException {
    String name = TestSkills.uniqueName("invalid");
    Path folder = HOME_SKILLS.resolve(name);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("SKILL.md"), TestSkills.skillMd("another-name", "Wrong."));
    String valid = TestSkills.uniqueName("valid");
    Files.createDirectories(HOME_SKILLS.resolve(valid));
    Files.writeString(
        HOME_SKILLS.resolve(valid).resolve("SKILL.md"), TestSkills.skillMd(valid, "Fine."));

    await()
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> skill(valid) != null);
    assertThat(anyone.request().get("/api/v1/skills").jsonPath().getList("name"))
        .doesNotContain(name, "another-name");
    deleteTree(folder);
    deleteTree(HOME_SKILLS.resolve(valid));
  }

  @Test
  void aUsersFolderSkillCannotBeDeletedThroughTheApi() throws IOException {
    String name = TestSkills.uniqueName("kept");
    Path folder = HOME_SKILLS.resolve(name);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("SKILL.md"), TestSkills.skillMd(name, "Kept."));
    await()
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> skill(name) != null);

    anyone.request().delete("/api/v1/skills/" + name).then().statusCode(403);
    SkillsCaller.freshAdmin().request().delete("/api/v1/skills/" + name).then().statusCode(409);
    deleteTree(folder);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
