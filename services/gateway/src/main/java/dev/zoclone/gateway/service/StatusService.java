package dev.zoclone.gateway.service;

import dev.zoclone.contract.ServiceStatus;
import dev.zoclone.contract.StatusResponse;
import dev.zoclone.gateway.client.ServiceHealthClient;
import dev.zoclone.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The readiness of the gateway and of every service behind it, asked in parallel. */
@ApplicationScoped
public class StatusService {
  private final GatewayConfig config;
  private final ServiceHealthClient health;
  private final ServiceStatus self;

  public StatusService(
      GatewayConfig config,
      ServiceHealthClient health,
      @ConfigProperty(name = "quarkus.application.name") String name,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
          String version) {
    this.config = config;
    this.health = health;
    // The gateway is answering, and the caller's token was just checked against its database.
    this.self = new ServiceStatus(name, ServiceStatus.UP, version);
  }

  /** The gateway first, then the services by name; a slow or dead service is DOWN. */
  public Uni<StatusResponse> status() {
    List<Uni<ServiceStatus>> checks =
        config.services().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                service ->
                    health.readiness(
                        service.getKey(), service.getValue().url(), config.statusTimeout()))
            .toList();
    if (checks.isEmpty()) {
      return Uni.createFrom().item(new StatusResponse(List.of(self)));
    }
    return Uni.join()
        .all(checks)
        .andFailFast()
        .map(
            services -> {
              List<ServiceStatus> all = new ArrayList<>(services.size() + 1);
              all.add(self);
              all.addAll(services);
              return new StatusResponse(all);
            });
  }
}
