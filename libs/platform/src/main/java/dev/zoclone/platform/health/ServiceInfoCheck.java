package dev.zoclone.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Names the service and its version in the readiness report, which the gateway aggregates. */
@Readiness
@ApplicationScoped
public class ServiceInfoCheck implements HealthCheck {
  /** The name of this check in {@code /q/health/ready}. */
  public static final String NAME = "service";

  private final String name;
  private final String version;

  public ServiceInfoCheck(
      @ConfigProperty(name = "quarkus.application.name") String name,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
          String version) {
    this.name = name;
    this.version = version;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME)
        .up()
        .withData("name", name)
        .withData("version", version)
        .build();
  }
}
