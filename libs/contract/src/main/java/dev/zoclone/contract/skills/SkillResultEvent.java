package dev.zoclone.contract.skills;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The one record on {@code zo.skill.results} for a request: SUCCEEDED when the script exited 0,
 * else FAILED with {@code error} saying why (the run's fields are present when the script ran).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillResultEvent(
    String requestId,
    String status,
    String error,
    String runId,
    Integer exitCode,
    JsonNode output,
    String stderr,
    Long durationMs,
    String version) {

  /** A request that did not run, with the reason. */
  public static SkillResultEvent failed(String requestId, String error) {
    return new SkillResultEvent(requestId, "FAILED", error, null, null, null, null, null, null);
  }
}
