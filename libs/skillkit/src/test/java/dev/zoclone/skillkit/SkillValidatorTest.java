package dev.zoclone.skillkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SkillValidatorTest {
  private static SkillValidation validate(String folder, String skillMd) {
    return SkillValidator.validate(
        new SkillFiles(
            folder, new TreeMap<>(Map.of("SKILL.md", skillMd.getBytes(StandardCharsets.UTF_8)))));
  }

  private static List<String> fields(SkillValidation validation) {
    return validation.problems().stream().map(SkillProblem::field).toList();
  }

  @Test
  void acceptsAFullConformingSkill() {
    SkillValidation validation =
        validate(
            "pdf-tools",
            """
            ---
            name: pdf-tools
            description: Extract text from PDFs. Use when the user mentions PDF files.
            license: Apache-2.0
            compatibility: Needs python3
            allowed-tools: Bash(python3:*) Read
            metadata:
              author: someone
              version: "1.0"
            ---
            # PDF tools
            Body text.
            """);

    assertThat(validation.valid()).isTrue();
    assertThat(validation.warnings()).isEmpty();
    assertThat(validation.manifest().name()).isEqualTo("pdf-tools");
    assertThat(validation.manifest().metadata()).containsEntry("version", "1.0");
    assertThat(validation.manifest().body()).isEqualTo("# PDF tools\nBody text.");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    SkillValidation validation =
        validate(
            "other",
            "---\nname: Bad--Name-\ncompatibility: "
                + "x".repeat(501)
                + "\nmetadata:\n  version: 1.0\nextra: 1\n---\n");

    assertThat(validation.valid()).isFalse();
    assertThat(validation.manifest()).isNull();
    assertThat(fields(validation))
        .contains("name", "description", "compatibility", "metadata.version", "extra");
    assertThat(validation.problems())
        .extracting(SkillProblem::message)
        .contains(
            "may contain only lower-case letters a-z, digits and hyphens",
            "must not start or end with a hyphen",
            "must not contain two hyphens in a row",
            "'Bad--Name-' differs from its folder's name 'other'",
            "is required",
            "must be at most 500 characters long",
            "must be a string (quote it)");
  }

  @Test
  void rejectsNameThatDiffersFromFolder() {
    assertThat(fields(validate("folder", "---\nname: skill\ndescription: d\n---\n")))
        .containsExactly("name");
  }

  @Test
  void rejectsNamesOfWrongLength() {
    assertThat(fields(validate(null, "---\nname: ''\ndescription: d\n---\n")))
        .containsExactly("name");
    String longName = "a".repeat(65);
    assertThat(fields(validate(longName, "---\nname: " + longName + "\ndescription: d\n---\n")))
        .containsExactly("name");
    String maxName = "a".repeat(64);
    assertThat(validate(maxName, "---\nname: " + maxName + "\ndescription: d\n---\n").valid())
        .isTrue();
  }

  @Test
  void rejectsTooLongOrEmptyDescription() {
    assertThat(
            fields(validate("s", "---\nname: s\ndescription: '" + "d".repeat(1025) + "'\n---\n")))
        .containsExactly("description");
    assertThat(fields(validate("s", "---\nname: s\ndescription: '  '\n---\n")))
        .containsExactly("description");
    assertThat(
            validate("s", "---\nname: s\ndescription: '" + "d".repeat(1024) + "'\n---\n").valid())
        .isTrue();
  }

  @Test
  void rejectsMetadataThatIsNotAMapOfStrings() {
    assertThat(fields(validate("s", "---\nname: s\ndescription: d\nmetadata: [a]\n---\n")))
        .containsExactly("metadata");
    assertThat(fields(validate("s", "---\nname: s\ndescription: d\nmetadata: {a: {b: c}}\n---\n")))
        .containsExactly("metadata.a");
  }

  @Test
  void rejectsNonStringOptionalFields() {
    assertThat(
            fields(
                validate(
                    "s", "---\nname: s\ndescription: d\nlicense: 3\nallowed-tools: [a]\n---\n")))
        .containsExactly("license", "allowed-tools");
  }

  @Test
  void requiresFrontmatterAtTheTop() {
    assertThat(fields(validate("s", "# no frontmatter\n"))).containsExactly("frontmatter");
    assertThat(fields(validate("s", "---\nname: s\ndescription: d\n")))
        .containsExactly("frontmatter");
    assertThat(fields(validate("s", "---\n: : [\n---\n"))).containsExactly("frontmatter");
    assertThat(fields(validate("s", "---\n- a\n- b\n---\n"))).containsExactly("frontmatter");
    assertThat(fields(validate("s", "---\nname: s\nname: t\ndescription: d\n---\n")))
        .containsExactly("frontmatter");
  }

  @Test
  void requiresASkillMd() {
    SkillValidation validation =
        SkillValidator.validate(new SkillFiles("s", new TreeMap<>(Map.of("x", new byte[0]))));
    assertThat(fields(validation)).containsExactly("SKILL.md");
  }

  @Test
  void acceptsLegacyTriggersWithAWarningNamingTheFix() {
    SkillValidation validation =
        validate(
            "weather", "---\nname: weather\ndescription: d\ntriggers: weather, forecast\n---\n");

    assertThat(validation.valid()).isTrue();
    assertThat(validation.warnings())
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.field()).isEqualTo("triggers");
              assertThat(warning.message()).contains("move it under metadata");
            });
    assertThat(validation.manifest().legacy()).isTrue();
    assertThat(validation.manifest().triggers()).containsExactly("weather", "forecast");
  }

  @Test
  void rejectsMalformedRequirements() {
    assertThat(
            fields(
                validate(
                    "s",
                    "---\nname: s\ndescription: d\nmetadata:\n  requires: 'python3>=x'\n---\n")))
        .containsExactly("metadata.requires");
  }

  @Test
  void hashChangesWithAnyByteAndNotWithTheFolderName() {
    SkillFiles one = new SkillFiles("a", new TreeMap<>(Map.of("SKILL.md", new byte[] {1, 2})));
    SkillFiles same = new SkillFiles("b", new TreeMap<>(Map.of("SKILL.md", new byte[] {1, 2})));
    SkillFiles other = new SkillFiles("a", new TreeMap<>(Map.of("SKILL.md", new byte[] {1, 3})));
    SkillFiles moved = new SkillFiles("a", new TreeMap<>(Map.of("SKILL.mdx", new byte[] {1, 2})));

    assertThat(SkillHash.of(one)).isEqualTo(SkillHash.of(same));
    assertThat(SkillHash.of(one))
        .isNotEqualTo(SkillHash.of(other))
        .isNotEqualTo(SkillHash.of(moved));
  }
}
