package dev.zoclone.skills.service;

import dev.zoclone.skillkit.SkillRunResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Skill runs as {@code zo.skills.runs{outcome}}: how many and how long, by how they ended ({@code
 * success} exit 0, {@code failure} another exit code, {@code timeout}, {@code error} when the run
 * could not be carried out). No tag names a user or a skill.
 */
@Startup
@Singleton
public class SkillRunMeters {
  private final MeterRegistry registry;

  public SkillRunMeters(MeterRegistry registry) {
    this.registry = registry;
    for (String outcome : new String[] {"success", "failure", "timeout", "error"}) {
      timer(outcome);
    }
  }

  /** A run that ended with {@code result}. */
  public void ran(SkillRunResult result) {
    String outcome = result.timedOut() ? "timeout" : result.exitCode() == 0 ? "success" : "failure";
    timer(outcome).record(Duration.ofMillis(Math.max(0, result.durationMs())));
  }

  /** A run begun at {@code startedNanos} that could not be carried out. */
  public void failed(long startedNanos) {
    timer("error").record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private Timer timer(String outcome) {
    return Timer.builder("zo.skills.runs")
        .description("Skill runs and how long they took, by outcome")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }
}
