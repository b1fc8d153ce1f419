package dev.zoclone.gateway.service;

import dev.zoclone.contract.ServiceStatus;
import dev.zoclone.contract.StatusResponse;
import dev.zoclone.gateway.client.ServiceHealthClient;
import dev.zoclone.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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

  /**
   * Every replica of a service: the service's name for one URL, {@code <name>@1}, {@code <name>@2},
   * … in the configured order for several.
   */
  private Stream<Uni<ServiceStatus>> replicas(String service, List<URI> urls) {
    if (urls.size() == 1) {
      return Stream.of(health.readiness(service, urls.get(0), config.statusTimeout()));
    }
    return IntStream.range(0, urls.size())
        .mapToObj(
            i -> health.readiness(service + "@" + (i + 1), urls.get(i), config.statusTimeout()));
  }

  /** The gateway first, then the services by name (each replica); a slow or dead one is DOWN. */
  public Uni<StatusResponse> status() {
    List<Uni<ServiceStatus>> checks =
        config.services().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .flatMap(service -> replicas(service.getKey(), service.getValue().url()))
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
