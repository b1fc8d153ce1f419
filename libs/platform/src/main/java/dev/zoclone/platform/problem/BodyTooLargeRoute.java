package dev.zoclone.platform.problem;

import dev.zoclone.contract.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with a problem+json 413 of
 * type {@code payload-too-large} (the gateway's own limit answers the same type), instead of
 * Vert.x's empty 413: a declared length over the limit is refused before Quarkus's own check, and a
 * chunked body that outgrows it on reading is mapped by a failure handler.
 */
@ApplicationScoped
public class BodyTooLargeRoute {
  /** The problem type slug, stable for clients. */
  public static final String SLUG = "payload-too-large";

  private final Optional<MemorySize> limit;

  public BodyTooLargeRoute(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
    this.limit = limit;
  }

  void install(@Observes Router router) {
    if (limit.isEmpty()) {
      return;
    }
    long max = limit.get().asLongValue();
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              if (declaredLength(context) > max) {
                refuse(context, max);
              } else {
                context.next();
              }
            });
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            context -> {
              if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, max);
              } else {
                context.next();
              }
            });
  }

  private static long declaredLength(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void refuse(RoutingContext context, long max) {
    String body =
        ProblemResponses.toJson(
            new Problem(
                Problem.type(SLUG),
                "Request body too large",
                413,
                "The request body is larger than " + max + " bytes",
                context.request().path(),
                null));
    HttpServerResponse response =
        context
            .response()
            .setStatusCode(413)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (context.request().version() != HttpVersion.HTTP_2) {
      // The unread body would follow on this connection: close it, as Quarkus's own check does.
      // HTTP/2 has no such header (a peer must reject it): there the stream alone ends.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(body);
  }
}
