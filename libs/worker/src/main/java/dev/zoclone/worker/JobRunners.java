package dev.zoclone.worker;

import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.sandbox.SandboxStatus;
import dev.zoclone.skillkit.SkillScriptRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job kinds a node runs and what runs each: shell and http everywhere, agent jobs when the node
 * can reach the gateway, skill jobs when it also has a sandbox. Immutable; {@code with...} answers
 * a copy that runs one more kind.
 */
public final class JobRunners {
  /** Bytes of a skill script's stdout, and of its stderr, kept (as in the skills service). */
  static final int SKILL_OUTPUT_CAP = 1024 * 1024;

  private final Map<String, JobRunner> byKind;

  private JobRunners(Map<String, JobRunner> byKind) {
    this.byKind = byKind;
  }

  /** Shell and http jobs, which need nothing but this machine. */
  public static JobRunners local() {
    Map<String, JobRunner> runners = new LinkedHashMap<>();
    runners.put(
        "shell", (job, running) -> ShellJobRunner.run(job.payload(), job.timeoutS(), running));
    runners.put("http", (job, running) -> HttpJobRunner.run(job.payload(), job.timeoutS()));
    return new JobRunners(runners);
  }

  /** These kinds and agent jobs, asked through the gateway as the node's owner. */
  public JobRunners withAgents(GatewayAccess gateway) {
    return with("agent", new AgentJobRunner(gateway));
  }

  /**
   * These kinds and skill jobs: versions fetched through the gateway and cached by hash under
   * {@code cacheDir}/skills, scripts run by libs/skillkit's sandboxed runner (scratch copies under
   * {@code cacheDir}/runs, stdout and stderr capped at 1 MB each, no network). Only where {@link
   * #skillSandbox()} is available.
   */
  public JobRunners withSkills(GatewayAccess gateway, Path cacheDir) {
    return with(
        "skill",
        new SkillJobRunner(
            new SkillCache(gateway, cacheDir.resolve("skills")),
            new SkillScriptRunner(cacheDir.resolve("runs"), SKILL_OUTPUT_CAP, false)));
  }

  /** Whether this host can run skill scripts in the sandbox, and why not. */
  public static SandboxStatus skillSandbox() {
    return SkillScriptRunner.sandboxStatus();
  }

  /** The kinds this node offers, in the order they were added. */
  public List<String> kinds() {
    return List.copyOf(byKind.keySet());
  }

  JobRunners with(String kind, JobRunner runner) {
    Map<String, JobRunner> runners = new LinkedHashMap<>(byKind);
    runners.put(kind, runner);
    return new JobRunners(runners);
  }

  /** Runs the job with its kind's runner; a kind this node does not run fails, retryable. */
  JobOutcome run(LeasedJob job, RunningJob running) throws InterruptedException {
    JobRunner runner = byKind.get(job.kind());
    if (runner == null) {
      return JobOutcome.failure("this node does not run " + job.kind() + " jobs", true, null);
    }
    return runner.run(job, running);
  }
}
