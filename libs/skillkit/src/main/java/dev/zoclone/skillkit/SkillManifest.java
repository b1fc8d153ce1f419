package dev.zoclone.skillkit;

import java.util.List;
import java.util.Map;

/**
 * A valid {@code SKILL.md}: its frontmatter fields and its Markdown body.
 *
 * @param triggers the legacy top-level {@code triggers} (or {@code metadata.triggers}), split on
 *     commas; empty when there are none
 * @param legacy whether the frontmatter has the legacy top-level {@code triggers} key
 */
public record SkillManifest(
    String name,
    String description,
    String license,
    String compatibility,
    String allowedTools,
    Map<String, String> metadata,
    List<String> triggers,
    boolean legacy,
    String body) {

  /** A metadata value, or null. */
  public String metadata(String key) {
    return metadata.get(key);
  }

  /** Whether the skill asks for network access ({@code metadata.network: "true"}). */
  public boolean wantsNetwork() {
    return "true".equalsIgnoreCase(metadata.getOrDefault("network", ""));
  }
}
