package dev.zoclone.skillkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How one sandboxed run of a skill script ended: the answer of {@code POST
 * /api/v1/skills/{name}/run}, and what a pool worker reports for a skill job.
 *
 * @param runId the stored run's id (null where runs are not stored)
 * @param output the parsed JSON of stdout when it is JSON, else its text
 * @param version the SHA-256 of the skill version that ran
 * @param script the script that ran, relative to the skill folder
 * @param timedOut whether the wall-time limit killed the run
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillRunResult(
    String runId,
    int exitCode,
    JsonNode output,
    String stderr,
    long durationMs,
    String version,
    String script,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    boolean timedOut) {

  /** The same result with the stored run's id. */
  public SkillRunResult withRunId(String id) {
    return new SkillRunResult(
        id,
        exitCode,
        output,
        stderr,
        durationMs,
        version,
        script,
        stdoutTruncated,
        stderrTruncated,
        timedOut);
  }
}
