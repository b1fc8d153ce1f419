package dev.zoclone.skills.health;

import dev.zoclone.sandbox.SandboxStatus;
import dev.zoclone.skillkit.SkillScriptRunner;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in the readiness details whether scripts can run (bubblewrap works) and why not. The
 * registry keeps serving either way, so the check stays UP; runs are refused (503) while the
 * sandbox is unavailable, never run unsandboxed.
 */
@Readiness
@ApplicationScoped
public class SandboxReadinessCheck implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    SandboxStatus status = SkillScriptRunner.sandboxStatus();
    return HealthCheckResponse.named("sandbox")
        .up()
        .withData("scripts", status.available() ? "run sandboxed" : "refused")
        .withData("sandbox_available", status.available())
        .withData("reason", status.reason())
        .build();
  }
}
