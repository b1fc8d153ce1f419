package dev.zoclone.gateway.rest;

import dev.zoclone.contract.Problem;
import dev.zoclone.platform.problem.ProblemResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes problem+json from Vert.x routes, which run before RESTEasy and its exception mappers. */
final class ProblemReplies {
  private ProblemReplies() {}

  /** Answers with {@code problem}, unless the client is gone or an answer has started. */
  static void send(RoutingContext context, Problem problem) {
    HttpServerResponse response = context.response();
    if (response.headWritten() || response.closed()) {
      return;
    }
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(ProblemResponses.toJson(problem));
  }

  /**
   * Answers and then closes the connection, for a request whose body must not be read (it is too
   * large); Quarkus's own body limit does the same.
   */
  static void sendAndClose(RoutingContext context, Problem problem) {
    HttpServerResponse response = context.response();
    if (response.headWritten() || response.closed()) {
      return;
    }
    response.putHeader(HttpHeaders.CONNECTION, "close");
    response.endHandler(v -> context.request().connection().close());
    send(context, problem);
  }
}
