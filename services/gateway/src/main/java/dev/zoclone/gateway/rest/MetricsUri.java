package dev.zoclone.gateway.rest;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code uri} tag of a request's HTTP server metrics (and its trace's route), for requests no
 * JAX-RS resource handles: a template without ids, so the tag's values stay few.
 */
final class MetricsUri {
  /** Where Quarkus's HTTP metrics and tracing read a request's route template from. */
  private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

  private MetricsUri() {}

  /** Tags {@code context}'s request with {@code template}. */
  static void set(RoutingContext context, String template) {
    ((HttpServerRequestInternal) context.request()).context().putLocal(URL_PATH_TEMPLATE, template);
  }
}
