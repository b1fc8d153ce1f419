package dev.zoclone.skillkit;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Splits a {@code SKILL.md} into its YAML frontmatter (between {@code ---} lines at the very top)
 * and its Markdown body, and parses the frontmatter safely (plain maps, lists and scalars only).
 */
public final class SkillManifestParser {
  /** The frontmatter as parsed, and the body after it. */
  public record Parsed(Map<String, Object> frontmatter, String body) {}

  private SkillManifestParser() {}

  /** Parses {@code text}, or throws with the problem named by field {@code frontmatter}. */
  public static Parsed parse(String text) {
    String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
    normalized = normalized.replace("\r\n", "\n");
    List<String> lines = normalized.lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      throw problem("SKILL.md must start with a '---' line opening the YAML frontmatter");
    }
    int end = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw problem("the frontmatter has no closing '---' line");
    }
    String yaml = String.join("\n", lines.subList(1, end));
    String body = String.join("\n", lines.subList(end + 1, lines.size())).strip();
    Object loaded;
    try {
      loaded = yaml().load(yaml);
    } catch (YAMLException e) {
      throw problem("not valid YAML: " + firstLine(e.getMessage()));
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw problem("the frontmatter must be a YAML mapping of keys to values");
    }
    @SuppressWarnings("unchecked") // SafeConstructor builds maps with the keys as written
    Map<String, Object> frontmatter = (Map<String, Object>) map;
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw problem("every frontmatter key must be a string, not " + key);
      }
    }
    return new Parsed(frontmatter, body);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(256 * 1024);
    return new Yaml(new SafeConstructor(options));
  }

  private static InvalidSkillException problem(String message) {
    return new InvalidSkillException("frontmatter", message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
