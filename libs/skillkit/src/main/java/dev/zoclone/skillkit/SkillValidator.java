package dev.zoclone.skillkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a skill folder against the Agent Skills specification (agentskills.io/specification),
 * reporting every problem at once, plus the legacy {@code triggers} key as a warning.
 */
public final class SkillValidator {
  private static final Set<String> ALLOWED =
      Set.of("name", "description", "license", "compatibility", "metadata", "allowed-tools");
  private static final String LEGACY_TRIGGERS = "triggers";
  private static final Pattern NAME_CHARACTERS = Pattern.compile("[a-z0-9-]+");

  private SkillValidator() {}

  /** Validates {@code files}; the name must equal the folder's name when the folder is named. */
  public static SkillValidation validate(SkillFiles files) {
    String text = files.manifestText().orElse(null);
    if (text == null) {
      return SkillValidation.invalid(
          List.of(new SkillProblem(SkillLimits.MANIFEST, "the skill has no SKILL.md")));
    }
    SkillManifestParser.Parsed parsed;
    try {
      parsed = SkillManifestParser.parse(text);
    } catch (InvalidSkillException e) {
      return SkillValidation.invalid(e.problems());
    }
    Map<String, Object> front = parsed.frontmatter();
    List<SkillProblem> problems = new ArrayList<>();
    List<SkillProblem> warnings = new ArrayList<>();
    String name = checkName(front.get("name"), files.folder().orElse(null), problems);
    String description = requiredText(front, "description", 1024, problems);
    String compatibility = optionalText(front, "compatibility", 500, problems);
    String license = optionalText(front, "license", Integer.MAX_VALUE, problems);
    String allowedTools = optionalText(front, "allowed-tools", Integer.MAX_VALUE, problems);
    Map<String, String> metadata = checkMetadata(front.get("metadata"), problems);
    List<String> triggers = new ArrayList<>();
    boolean legacy = front.containsKey(LEGACY_TRIGGERS);
    for (String key : front.keySet()) {
      if (key.equals(LEGACY_TRIGGERS)) {
        Object value = front.get(key);
        if (value instanceof String || value instanceof List<?>) {
          triggers.addAll(splitTriggers(value));
          warnings.add(
              new SkillProblem(
                  LEGACY_TRIGGERS,
                  "'triggers' is not in the Agent Skills spec; move it under metadata"
                      + " (metadata: {triggers: \"a, b\"})"));
        } else {
          problems.add(new SkillProblem(LEGACY_TRIGGERS, "must be a comma-separated string"));
        }
      } else if (!ALLOWED.contains(key)) {
        problems.add(
            new SkillProblem(
                key,
                "unknown frontmatter key; allowed are name, description, license, compatibility,"
                    + " metadata, allowed-tools"));
      }
    }
    if (triggers.isEmpty() && metadata.containsKey(LEGACY_TRIGGERS)) {
      triggers.addAll(splitTriggers(metadata.get(LEGACY_TRIGGERS)));
    }
    if (metadata.containsKey("requires")) {
      problems.addAll(SkillRequirements.syntaxProblems(metadata.get("requires")));
    }
    if (!problems.isEmpty()) {
      return new SkillValidation(false, List.copyOf(problems), List.copyOf(warnings), null);
    }
    SkillManifest manifest =
        new SkillManifest(
            name,
            description,
            license,
            compatibility,
            allowedTools,
            metadata,
            List.copyOf(triggers),
            legacy,
            parsed.body());
    return new SkillValidation(true, List.of(), List.copyOf(warnings), manifest);
  }

  /** The manifest of a skill that must be valid, or an exception with every problem. */
  public static SkillManifest require(SkillFiles files) {
    SkillValidation validation = validate(files);
    if (!validation.valid()) {
      throw new InvalidSkillException(validation.problems());
    }
    return validation.manifest();
  }

  private static String checkName(Object value, String folder, List<SkillProblem> problems) {
    if (value == null) {
      problems.add(new SkillProblem("name", "is required"));
      return null;
    }
    if (!(value instanceof String name)) {
      problems.add(new SkillProblem("name", "must be a string"));
      return null;
    }
    int before = problems.size();
    if (name.isEmpty() || name.length() > 64) {
      problems.add(new SkillProblem("name", "must be 1-64 characters long"));
    }
    if (!name.isEmpty() && !NAME_CHARACTERS.matcher(name).matches()) {
      problems.add(
          new SkillProblem("name", "may contain only lower-case letters a-z, digits and hyphens"));
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      problems.add(new SkillProblem("name", "must not start or end with a hyphen"));
    }
    if (name.contains("--")) {
      problems.add(new SkillProblem("name", "must not contain two hyphens in a row"));
    }
    if (folder != null && !name.equals(folder)) {
      problems.add(
          new SkillProblem(
              "name", "'" + name + "' differs from its folder's name '" + folder + "'"));
    }
    return problems.size() == before ? name : null;
  }

  private static String requiredText(
      Map<String, Object> front, String field, int max, List<SkillProblem> problems) {
    if (!front.containsKey(field) || front.get(field) == null) {
      problems.add(new SkillProblem(field, "is required"));
      return null;
    }
    return optionalText(front, field, max, problems);
  }

  private static String optionalText(
      Map<String, Object> front, String field, int max, List<SkillProblem> problems) {
    Object value = front.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(new SkillProblem(field, "must be a string"));
      return null;
    }
    if (text.isBlank()) {
      problems.add(new SkillProblem(field, "must not be empty"));
    } else if (text.length() > max) {
      problems.add(new SkillProblem(field, "must be at most " + max + " characters long"));
    }
    return text;
  }

  private static Map<String, String> checkMetadata(Object value, List<SkillProblem> problems) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (value == null) {
      return metadata;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(new SkillProblem("metadata", "must be a map of strings to strings"));
      return metadata;
    }
    for (var entry : map.entrySet()) {
      String field = "metadata." + entry.getKey();
      if (!(entry.getKey() instanceof String key)) {
        problems.add(new SkillProblem(field, "keys must be strings"));
      } else if (!(entry.getValue() instanceof String text)) {
        problems.add(new SkillProblem(field, "must be a string (quote it)"));
      } else {
        metadata.put(key, text);
      }
    }
    return metadata;
  }

  private static List<String> splitTriggers(Object value) {
    List<String> parts = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> parts.add(String.valueOf(item).strip()));
    } else {
      parts.addAll(Arrays.stream(String.valueOf(value).split(",")).map(String::strip).toList());
    }
    return parts.stream().filter(part -> !part.isEmpty()).toList();
  }
}
