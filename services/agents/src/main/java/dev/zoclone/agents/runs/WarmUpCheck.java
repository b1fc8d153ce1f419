package dev.zoclone.agents.runs;

import dev.zoclone.agents.config.AgentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the run warm-up at start has ended, so the gateway (and Kubernetes) sends a new
 * replica no run while its first-use costs are still being paid; ready anyway once {@code
 * zo.agents.runs.warm-up-max-wait} has passed.
 */
@Readiness
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {
  private final RunWarmUp warmUp;
  private final Duration maxWait;
  private final long createdAt = System.nanoTime();

  public WarmUpCheck(RunWarmUp warmUp, AgentsConfig config) {
    this.warmUp = warmUp;
    this.maxWait = config.runs().warmUpMaxWait();
  }

  @Override
  public HealthCheckResponse call() {
    boolean waitedEnough = System.nanoTime() - createdAt > maxWait.toNanos();
    return HealthCheckResponse.named("run-warm-up")
        .status(warmUp.done() || waitedEnough)
        .withData("warmed-up", warmUp.done())
        .build();
  }
}
