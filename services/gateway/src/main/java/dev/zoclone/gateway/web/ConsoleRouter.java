package dev.zoclone.gateway.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Puts {@link SecurityHeaders} ahead of every other handler of the console's paths. */
@ApplicationScoped
public class ConsoleRouter {
  private static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 10;

  private final SecurityHeaders headers;

  public ConsoleRouter(SecurityHeaders headers) {
    this.headers = headers;
  }

  void install(@Observes Router router) {
    router.route("/").order(ORDER).handler(headers);
    router.route("/console").order(ORDER).handler(headers);
    router.route("/console/*").order(ORDER).handler(headers);
  }
}
