package dev.zoclone.gateway.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts the console's Content-Security-Policy (no inline script, nothing from other origins) and the
 * other browser protections on every console response.
 */
@ApplicationScoped
public class SecurityHeaders implements Handler<RoutingContext> {
  /** Scripts, styles and requests only from the gateway itself; images also as data: and blob:. */
  public static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  @Override
  public void handle(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    context.next();
  }
}
