package dev.zoclone.platform.problem;

import dev.zoclone.contract.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a request whose URI is not well formed (such as {@code %ZZ}, a malformed
 * percent-encoding) with a 400 problem of type {@value #SLUG}, before any route sees it. It makes
 * the check Quarkus's HTTP root would make (a {@link URI} parse), which {@link UriCheckHandover}
 * hands over to it because Quarkus answers that check with an empty body.
 */
@ApplicationScoped
public class MalformedUriRoute {
  /** The problem type slug, stable for clients. */
  public static final String SLUG = "invalid-uri";

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext context) {
    String uri = context.request().uri();
    if (uri != null && isWellFormed(uri)) {
      context.next();
      return;
    }
    String body =
        ProblemResponses.toJson(
            new Problem(
                Problem.type(SLUG),
                "Invalid URI",
                400,
                "The request URI is not well formed (check its percent-encoding)",
                rawPathOf(uri),
                null));
    context
        .response()
        .setStatusCode(400)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body);
  }

  private static boolean isWellFormed(String uri) {
    try {
      new URI(uri);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String rawPathOf(String uri) {
    if (uri == null) {
      return null;
    }
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }
}
