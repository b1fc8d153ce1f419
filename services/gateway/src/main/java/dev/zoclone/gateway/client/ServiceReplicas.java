package dev.zoclone.gateway.client;

import dev.zoclone.contract.ServiceStatus;
import dev.zoclone.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of each service and which of them take requests: round-robin over the ready ones. A
 * replica that refuses a connection is left out at once (passively), and the readiness of every
 * replica of a service with several URLs is checked periodically, which also lets it back in.
 */
@Singleton
public class ServiceReplicas {
  private final Map<String, ReplicaSet> services = new LinkedHashMap<>();
  private final ServiceHealthClient health;
  private final Vertx vertx;
  private final Duration checkInterval;
  private final Duration checkTimeout;
  private long timer = -1;

  public ServiceReplicas(
      GatewayConfig config, ServiceHealthClient health, Vertx vertx, ReplicaMeters meters) {
    this.health = health;
    this.vertx = vertx;
    this.checkInterval = config.replicaCheckInterval();
    this.checkTimeout = config.statusTimeout();
    config
        .services()
        .forEach(
            (name, service) -> {
              ReplicaSet set = new ReplicaSet(service.url());
              services.put(name, set);
              meters.readyReplicas(name, () -> set.urls.size() - set.down.size());
            });
  }

  void onStart(@Observes StartupEvent event) {
    if (services.values().stream().anyMatch(set -> set.urls.size() > 1)) {
      timer = vertx.setPeriodic(checkInterval.toMillis(), id -> checkAll());
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** The replicas of {@code service} in the order configured. */
  public List<URI> urls(String service) {
    ReplicaSet set = services.get(service);
    return set == null ? List.of() : set.urls;
  }

  /**
   * The next replica of {@code service} to send to, skipping those in {@code tried}: a ready one if
   * any, else any left (a replica marked down may have come back before its next check).
   */
  public Optional<URI> pick(String service, Set<URI> tried) {
    ReplicaSet set = services.get(service);
    if (set == null) {
      return Optional.empty();
    }
    List<URI> ready =
        set.urls.stream().filter(u -> !tried.contains(u) && !set.down.contains(u)).toList();
    List<URI> candidates =
        ready.isEmpty() ? set.urls.stream().filter(u -> !tried.contains(u)).toList() : ready;
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        candidates.get(Math.floorMod(set.next.getAndIncrement(), candidates.size())));
  }

  /** {@code url} refused a connection or dropped one: no requests until a check finds it ready. */
  public void markDown(String service, URI url) {
    ReplicaSet set = services.get(service);
    if (set != null && set.urls.size() > 1 && set.down.add(url)) {
      Log.warnf("%s replica %s is unreachable; sending to the other replicas", service, url);
    }
  }

  /** Whether {@code url} of {@code service} currently takes requests. */
  public boolean ready(String service, URI url) {
    ReplicaSet set = services.get(service);
    return set != null && !set.down.contains(url);
  }

  private void checkAll() {
    services.forEach(
        (name, set) -> {
          if (set.urls.size() < 2) {
            return;
          }
          for (URI url : set.urls) {
            health
                .readiness(name, url, checkTimeout)
                .subscribe()
                .with(
                    status -> {
                      if (ServiceStatus.UP.equals(status.status())) {
                        if (set.down.remove(url)) {
                          Log.infof("%s replica %s is ready again", name, url);
                        }
                      } else if (set.down.add(url)) {
                        Log.warnf("%s replica %s is not ready; sending to the others", name, url);
                      }
                    });
          }
        });
  }

  /** One service's replicas, the ones left out, and the round-robin position. */
  private static final class ReplicaSet {
    final List<URI> urls;
    final Set<URI> down = ConcurrentHashMap.newKeySet();
    final AtomicInteger next = new AtomicInteger();

    ReplicaSet(List<URI> urls) {
      this.urls = List.copyOf(urls);
    }
  }
}
