package dev.zoclone.contract.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A record on {@code zo.skill.requests}: any producer may run a skill's script for its owner.
 *
 * @param requestId the id its one result on {@code zo.skill.results} carries
 * @param owner the user the skill runs for (their skills and their concurrent-run limit)
 * @param script the script's file name under {@code scripts/}; the only script when omitted
 * @param input JSON given to the script on stdin
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillRequestEvent(
    String requestId, String owner, String skill, String script, JsonNode input) {}
