package dev.zoclone.contract.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A stored run in {@code GET /api/v1/skills/runs}: who ran what, and how it ended. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillRunView(
    String runId,
    String skill,
    String version,
    String script,
    int exitCode,
    long durationMs,
    JsonNode output,
    String stderr,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    boolean timedOut,
    Instant createdAt) {}
