package dev.zoclone.pool.health;

import dev.zoclone.pool.service.ReadyJobSignals;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the LISTEN connection that wakes long-polling nodes is up. */
@Readiness
@ApplicationScoped
public class ReadyJobListenerCheck implements HealthCheck {
  private final ReadyJobSignals signals;

  public ReadyJobListenerCheck(ReadyJobSignals signals) {
    this.signals = signals;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("ready-job-listener").status(signals.listening()).build();
  }
}
