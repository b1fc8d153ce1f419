package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.skillkit.InvalidSkillException;
import dev.zoclone.skillkit.SandboxUnavailableException;
import dev.zoclone.skillkit.ScriptChoiceException;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skillkit.SkillManifest;
import dev.zoclone.skillkit.SkillRequirements;
import dev.zoclone.skillkit.SkillRunResult;
import dev.zoclone.skillkit.SkillScriptRunner;
import dev.zoclone.skillkit.SkillValidator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a {@code skill} job ({@code {skill, script?, input, version?}}): the version comes from the
 * node's {@link SkillCache}, and libs/skillkit's {@link SkillScriptRunner} runs the script in the
 * sandbox, exactly as the skills service does. The result is what the skills run route answers
 * ({@code {exit_code, output, stderr, duration_ms, version, ...}}); a non-zero exit or a timeout
 * fails the job (retryable, as a shell job's), a skill, version or script that does not exist fails
 * it for good.
 */
final class SkillJobRunner implements JobRunner {
  /** Longest wall time a skill script gets, as in the skills service. */
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(300);

  private final SkillCache cache;
  private final SkillScriptRunner scripts;

  SkillJobRunner(SkillCache cache, SkillScriptRunner scripts) {
    this.cache = cache;
    this.scripts = scripts;
  }

  @Override
  public JobOutcome run(LeasedJob job, RunningJob running) throws InterruptedException {
    JsonNode payload = job.payload();
    String skill = payload.path("skill").asText("");
    if (skill.isBlank()) {
      return JobOutcome.failure("payload.skill is required", false, null);
    }
    try {
      SkillCache.Cached version = cache.get(skill, text(payload, "version"));
      // validated without its folder's name: the cache files versions under their hash
      SkillManifest manifest =
          SkillValidator.require(new SkillFiles(null, new TreeMap<>(version.files().files())));
      Optional<String> missing = SkillRequirements.missing(manifest.metadata("requires"));
      if (missing.isPresent()) {
        return JobOutcome.failure(
            "skill " + skill + " cannot run on this node: " + missing.get(), true, null);
      }
      SkillRunResult result =
          scripts.run(
              version.folder(),
              new SkillScriptRunner.Request(
                  text(payload, "script"),
                  payload.get("input"),
                  List.of(),
                  timeout(job.timeoutS()),
                  version.version()));
      JsonNode json = WorkerJson.MAPPER.valueToTree(result);
      if (result.timedOut()) {
        return JobOutcome.failure("skill script timed out", true, json);
      }
      if (result.exitCode() != 0) {
        return JobOutcome.failure("skill script exit code " + result.exitCode(), true, json);
      }
      return JobOutcome.success(json);
    } catch (SkillCache.FetchFailure e) {
      return JobOutcome.failure(e.getMessage(), e.retryable(), null);
    } catch (ScriptChoiceException e) {
      return JobOutcome.failure(e.getMessage(), false, null);
    } catch (InvalidSkillException e) {
      return JobOutcome.failure("skill " + skill + " is invalid: " + e.getMessage(), false, null);
    } catch (SandboxUnavailableException e) {
      return JobOutcome.failure("no sandbox on this node: " + e.getMessage(), true, null);
    } catch (IOException e) {
      if (running.cancelled() || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("cancelled while the skill ran");
      }
      return JobOutcome.failure("skill run failed on this node: " + e, true, null);
    }
  }

  /** The job's timeout, at most {@link #MAX_TIMEOUT}; null leaves the sandbox's default. */
  private static Duration timeout(Integer timeoutS) {
    if (timeoutS == null) {
      return null;
    }
    Duration asked = Duration.ofSeconds(timeoutS);
    return asked.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : asked;
  }

  private static String text(JsonNode payload, String field) {
    return payload.hasNonNull(field) && !payload.get(field).asText().isBlank()
        ? payload.get(field).asText()
        : null;
  }
}
