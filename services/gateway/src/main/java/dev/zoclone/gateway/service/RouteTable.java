package dev.zoclone.gateway.service;

import dev.zoclone.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Decides which service owns a request path, from {@code zo.gateway.routes}. */
@Singleton
public class RouteTable {
  private final List<Route> routes;

  @Inject
  public RouteTable(GatewayConfig config) {
    this(
        config.routes(),
        config.services().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url().get(0))));
  }

  /**
   * A table from prefixes to service names and from service names to base URLs; fails on a route to
   * an unknown service or on a public path, so a typo cannot open a hole.
   */
  public RouteTable(Map<String, String> prefixToService, Map<String, URI> serviceUrls) {
    this.routes =
        prefixToService.entrySet().stream()
            .map(route -> route(route.getKey(), route.getValue(), serviceUrls))
            .sorted(Comparator.comparingInt((Route r) -> r.prefix().value().length()).reversed())
            .toList();
  }

  /** The service owning {@code path}, by the longest matching prefix; empty for the gateway. */
  public Optional<Upstream> resolve(String path) {
    return routes.stream()
        .filter(route -> route.prefix().matches(path))
        .findFirst()
        .map(Route::upstream);
  }

  private static Route route(String prefix, String service, Map<String, URI> serviceUrls) {
    PathPrefix pathPrefix = new PathPrefix(prefix);
    if (!ProtectedPaths.covers(prefix)) {
      throw new IllegalStateException(
          "zo.gateway.routes: " + prefix + " is public; only token-protected paths are forwarded");
    }
    URI url = serviceUrls.get(service);
    if (url == null) {
      throw new IllegalStateException(
          "zo.gateway.routes: "
              + prefix
              + " names service "
              + service
              + ", which has no zo.gateway.services."
              + service
              + ".url");
    }
    return new Route(pathPrefix, new Upstream(pathPrefix.value(), service, url));
  }

  /**
   * A service a request goes to.
   *
   * @param prefix the route's path prefix
   * @param service the service's name
   * @param url the base URL of the service's first replica (the forwarder picks the replica)
   */
  public record Upstream(String prefix, String service, URI url) {

    /**
     * {@code path} (under this route) as a template with no ids in it: the prefix itself, or {@code
     * <prefix>/{path}} for anything below it.
     */
    public String template(String path) {
      return path.length() == prefix.length() ? prefix : prefix + "/{path}";
    }
  }

  private record Route(PathPrefix prefix, Upstream upstream) {}
}
