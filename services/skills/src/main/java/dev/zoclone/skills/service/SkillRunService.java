package dev.zoclone.skills.service;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.skills.SkillRunRequest;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skillkit.SandboxUnavailableException;
import dev.zoclone.skillkit.ScriptChoiceException;
import dev.zoclone.skillkit.SkillRunResult;
import dev.zoclone.skillkit.SkillScriptRunner;
import dev.zoclone.skills.config.SkillsConfig;
import dev.zoclone.skills.repository.RunRepository;
import dev.zoclone.skills.service.SkillCatalog.Resolved;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a skill's script for its owner in the sandbox (never without it), within the owner's
 * concurrent-run limit, and stores the run.
 */
@ApplicationScoped
public class SkillRunService {
  private final SkillCatalog catalog;
  private final SkillContents contents;
  private final RunRepository runs;
  private final RunSlots slots;
  private final SkillsConfig config;
  private final SkillScriptRunner runner;
  private final SkillRunMeters meters;

  public SkillRunService(
      SkillCatalog catalog,
      SkillContents contents,
      RunRepository runs,
      RunSlots slots,
      SkillsConfig config,
      SkillRunMeters meters) {
    this.meters = meters;
    this.catalog = catalog;
    this.contents = contents;
    this.runs = runs;
    this.slots = slots;
    this.config = config;
    this.runner =
        new SkillScriptRunner(
            Path.of(config.runsDir()),
            config.runs().outputCapBytes(),
            config.runs().allowNetwork());
  }

  /** Runs {@code name} for {@code owner}; {@code requestId} ties it to a Kafka request. */
  public SkillRunResult run(String owner, String name, SkillRunRequest request, String requestId) {
    SkillRunRequest body =
        request == null ? new SkillRunRequest(null, null, null, null, null) : request;
    Duration timeout = timeout(body.timeoutMs());
    if (body.args() != null && body.args().stream().anyMatch(arg -> arg == null)) {
      throw ProblemException.badRequest("args", "must be a list of strings");
    }
    Resolved skill = catalog.resolve(owner, name, body.version());
    Optional<String> missing = skill.unavailableReason();
    if (missing.isPresent()) {
      throw ProblemException.conflict(
          "requirement-missing", "skill " + name + " cannot run here: " + missing.get());
    }
    var status = SkillScriptRunner.sandboxStatus();
    if (!status.available()) {
      throw sandboxUnavailable(status.reason());
    }
    if (!slots.tryAcquire(owner)) {
      throw new TooManyRunsException(slots.perUser());
    }
    long started = System.nanoTime();
    boolean ran = false;
    try {
      Path folder = contents.folder(skill.row().hash());
      SkillRunResult result =
          runner
              .run(
                  folder,
                  new SkillScriptRunner.Request(
                      body.script(), body.input(), body.args(), timeout, skill.row().hash()))
              .withRunId(UUID.randomUUID().toString());
      meters.ran(result);
      ran = true;
      runs.insert(owner, name, result, requestId, config.runs().keepPerUser());
      Log.infof(
          "run %s of skill %s (%s) by %s: exit %d in %d ms",
          result.runId(), name, result.script(), owner, result.exitCode(), result.durationMs());
      return result;
    } catch (ScriptChoiceException e) {
      throw new ProblemException(
          400,
          "validation",
          "Invalid request",
          "script: " + e.getMessage(),
          List.of(new FieldError("script", e.getMessage())));
    } catch (SandboxUnavailableException e) {
      throw sandboxUnavailable(e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run skill " + name, e);
    } finally {
      if (!ran) {
        meters.failed(started);
      }
      slots.release(owner);
    }
  }

  private Duration timeout(Long timeoutMs) {
    if (timeoutMs == null) {
      return config.runs().defaultTimeout();
    }
    long max = config.runs().maxTimeout().toMillis();
    if (timeoutMs < 1 || timeoutMs > max) {
      throw ProblemException.badRequest("timeout_ms", "must be between 1 and " + max);
    }
    return Duration.ofMillis(timeoutMs);
  }

  private static ProblemException sandboxUnavailable(String reason) {
    return new ProblemException(
        503,
        "sandbox-unavailable",
        "Sandbox unavailable",
        "scripts are not run here because the sandbox cannot run: " + reason);
  }
}
