package dev.zoclone.contract.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A request to run one script of a skill ({@code POST /api/v1/skills/{name}/run}).
 *
 * @param script the script's file name under {@code scripts/}; the only script when omitted
 * @param input JSON given to the script on stdin
 * @param args extra command-line arguments
 * @param timeoutMs wall-time limit (default 30 s, at most 300 s)
 * @param version a version (SHA-256) to run instead of the current one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillRunRequest(
    String script, JsonNode input, List<String> args, Long timeoutMs, String version) {}
