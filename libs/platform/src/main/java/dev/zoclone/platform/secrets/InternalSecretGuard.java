package dev.zoclone.platform.secrets;

import dev.zoclone.platform.config.PlatformConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops a service from starting with the published example internal secret. */
@ApplicationScoped
public class InternalSecretGuard {
  private final PlatformConfig config;

  public InternalSecretGuard(PlatformConfig config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    PlaceholderSecrets.refuseInProduction(
        "ZO_INTERNAL_SECRET", config.internalSecret(), LaunchMode.current());
  }
}
