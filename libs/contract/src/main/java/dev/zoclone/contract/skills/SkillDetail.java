package dev.zoclone.contract.skills;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.zoclone.contract.Problem.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a skill ({@code GET /api/v1/skills/{name}}): its frontmatter, body and files, and
 * every version installed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillDetail(
    String name,
    String description,
    String version,
    String metadataVersion,
    String license,
    String compatibility,
    String allowedTools,
    Map<String, String> metadata,
    List<String> triggers,
    String body,
    List<FileEntry> files,
    List<VersionEntry> versions,
    String source,
    boolean shared,
    boolean available,
    String reason,
    List<FieldError> warnings) {

  /** A file of the skill and its size in bytes. */
  public record FileEntry(String path, long size) {}

  /** An installed version: its hash, its {@code metadata.version} and when it was installed. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record VersionEntry(String version, String metadataVersion, Instant installedAt) {}
}
