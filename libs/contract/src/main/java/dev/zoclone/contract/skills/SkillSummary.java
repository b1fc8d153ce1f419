package dev.zoclone.contract.skills;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * One skill in {@code GET /api/v1/skills}.
 *
 * @param version the SHA-256 of the skill's files (the version the caller sees)
 * @param metadataVersion {@code metadata.version} when the skill declares one
 * @param source {@code upload}, {@code repo} (shipped with the platform) or {@code home} (the
 *     operator's {@code $ZO_HOME/skills})
 * @param shared whether every user sees it
 * @param available false when a requirement ({@code metadata.requires}) is missing on the host
 * @param reason why it is not available
 * @param triggers legacy triggers, shown to the model beside the description
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillSummary(
    String name,
    String description,
    String version,
    String metadataVersion,
    Map<String, String> metadata,
    String source,
    boolean shared,
    boolean available,
    String reason,
    List<String> triggers) {}
