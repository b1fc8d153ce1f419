package dev.zoclone.gateway.rest;

import dev.zoclone.gateway.service.RouteTable;
import dev.zoclone.gateway.service.RouteTable.Upstream;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Finds the service that owns a request's path, once and before anything else handles it: {@link
 * ForwardingRoute} sends the request there, and the request's metrics are tagged with its route
 * ({@code /api/v1/memories/{path}}) rather than with every id in its path, whatever it is answered
 * (a 401 or 429 included).
 */
@Singleton
public class RouteLookup implements Handler<RoutingContext> {
  private static final String UPSTREAM = "zo.gateway.upstream";

  private final RouteTable routes;

  public RouteLookup(RouteTable routes) {
    this.routes = routes;
  }

  /** The service that owns the request's path; null for the gateway's own paths. */
  static Upstream upstreamOf(RoutingContext context) {
    return context.get(UPSTREAM);
  }

  @Override
  public void handle(RoutingContext context) {
    String path = context.normalizedPath();
    routes
        .resolve(path)
        .ifPresent(
            upstream -> {
              context.put(UPSTREAM, upstream);
              MetricsUri.set(context, upstream.template(path));
            });
    context.next();
  }
}
