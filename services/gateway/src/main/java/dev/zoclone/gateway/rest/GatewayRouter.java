package dev.zoclone.gateway.rest;

import dev.zoclone.gateway.ratelimit.RateLimitFilter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts the route lookup, authentication, rate limits and forwarding on the HTTP router ahead of
 * RESTEasy, and ahead of Quarkus's own body-size check, so that forwarded bodies stream and an
 * oversized one gets the gateway's problem+json 413. Every handler here, and every bean they call
 * for a request, is a {@code @Singleton}: a normal-scoped bean is reached through a client proxy,
 * which looks its instance up again on each call, several times per request.
 */
@ApplicationScoped
public class GatewayRouter {
  static final int AUTHENTICATION_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 3;
  static final int RATE_LIMIT_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;
  static final int FORWARDING_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  static final int PUBLIC_PROCESS_ORDER = AUTHENTICATION_ORDER - 1;
  static final int ROUTE_LOOKUP_ORDER = AUTHENTICATION_ORDER - 2;

  private final RouteLookup lookup;
  private final BearerAuthentication authentication;
  private final RateLimitFilter rateLimit;
  private final ForwardingRoute forwarding;
  private final PublicProcessRoute processes;

  public GatewayRouter(
      RouteLookup lookup,
      BearerAuthentication authentication,
      RateLimitFilter rateLimit,
      ForwardingRoute forwarding,
      PublicProcessRoute processes) {
    this.lookup = lookup;
    this.authentication = authentication;
    this.rateLimit = rateLimit;
    this.forwarding = forwarding;
    this.processes = processes;
  }

  void install(@Observes Router router) {
    router.route().order(ROUTE_LOOKUP_ORDER).handler(lookup);
    // Users' hosted services decide their own authentication (public or the owner's token).
    router.route("/p/*").order(PUBLIC_PROCESS_ORDER).handler(processes);
    router.route().order(AUTHENTICATION_ORDER).handler(authentication);
    router.route().order(RATE_LIMIT_ORDER).handler(rateLimit);
    router.route().order(FORWARDING_ORDER).handler(forwarding);
  }
}
