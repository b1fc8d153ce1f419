package dev.zoclone.gateway.rest;

import dev.zoclone.contract.Problem;
import dev.zoclone.contract.processes.ProcessRoute;
import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.GatewayProblems;
import dev.zoclone.gateway.client.ForwardingException;
import dev.zoclone.gateway.client.ProcessForwarder;
import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.service.ProcessRoutes;
import dev.zoclone.gateway.service.ProcessRoutes.Target;
import dev.zoclone.gateway.service.TokenAuthenticator;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The public route of users' hosted services: {@code /p/<user name>/<process name>/...} goes, with
 * that prefix stripped, to the process running on a supervisor replica. A {@code public} process
 * needs no token; a {@code private} one needs its owner's bearer token (there is no console, hence
 * no console cookie, yet). A process that is not RUNNING answers 503.
 */
@ApplicationScoped
public class PublicProcessRoute implements Handler<RoutingContext> {
  /** Where the routes are mounted. */
  public static final String PREFIX = "/p/";

  /** Every public route's metrics under one tag. */
  private static final String METRICS_URI = "/p/{process}";

  /** What a user's page may do when sandboxed: everything but share the console's origin. */
  static final String SANDBOX =
      "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads";

  private final ProcessRoutes routes;
  private final ProcessForwarder forwarder;
  private final TokenAuthenticator authenticator;
  private final long maxRequestBytes;
  private final boolean sandbox;

  public PublicProcessRoute(
      ProcessRoutes routes,
      ProcessForwarder forwarder,
      TokenAuthenticator authenticator,
      GatewayConfig config) {
    this.routes = routes;
    this.forwarder = forwarder;
    this.authenticator = authenticator;
    this.maxRequestBytes = config.maxRequestBytes();
    this.sandbox = config.processSandbox();
  }

  @Override
  public void handle(RoutingContext context) {
    MetricsUri.set(context, METRICS_URI);
    String path = context.normalizedPath();
    String[] parts = path.substring(PREFIX.length()).split("/", 3);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      ProblemReplies.send(context, notFound(path));
      return;
    }
    String prefix = PREFIX + parts[0] + "/" + parts[1];
    String rest = parts.length == 3 ? "/" + parts[2] : "/";
    HttpServerRequest request = context.request();
    if (sandbox) {
      // Added as the headers go out, after the process's own: both policies hold.
      context
          .response()
          .headersEndHandler(
              ignored -> context.response().headers().add("Content-Security-Policy", SANDBOX));
    }
    request.pause();
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    context
        .vertx()
        .executeBlocking(() -> resolve(parts[0], parts[1], authorization), false)
        .onComplete(
            result -> {
              if (result.failed()) {
                request.resume();
                failed(context, path, result.cause());
                return;
              }
              Decision decision = result.result();
              if (decision.problem() != null) {
                request.resume();
                if (decision.problem().status() == 401) {
                  context.response().putHeader("WWW-Authenticate", "Bearer realm=\"zoclone\"");
                }
                ProblemReplies.send(context, decision.problem());
                return;
              }
              ProcessRoute route = decision.route();
              forwarder
                  .forward(request, route.host(), route.port(), rest, prefix)
                  .onFailure(failure -> failed(context, path, failure));
            });
  }

  /** What to do with the request: relay it to the route, or answer with a problem. */
  private record Decision(ProcessRoute route, Problem problem) {}

  private Decision resolve(String user, String process, String authorization) {
    String path = PREFIX + user + "/" + process;
    Optional<Target> target = routes.find(user, process);
    if (target.isEmpty()) {
      return new Decision(null, notFound(path));
    }
    ProcessRoute route = target.get().route();
    if (!"public".equals(route.visibility())) {
      Optional<Caller> caller = authenticator.recentlyVerified(authorization);
      if (caller.isEmpty()) {
        caller = authenticator.authenticateHeader(authorization);
      }
      if (caller.isEmpty()) {
        return new Decision(null, GatewayProblems.unauthenticated(path));
      }
      if (!caller.get().id().equals(target.get().ownerId())) {
        // Another user's private process is as good as absent.
        return new Decision(null, notFound(path));
      }
    }
    if (!"RUNNING".equals(route.status()) || route.host() == null || route.port() == null) {
      return new Decision(
          null,
          problem(
              503,
              "process-unavailable",
              "Process unavailable",
              "The process " + process + " is " + route.status() + ", not RUNNING",
              path));
    }
    return new Decision(route, null);
  }

  private void failed(RoutingContext context, String path, Throwable failure) {
    if (failure instanceof ForwardingException forwarding) {
      Log.debugf("cannot relay %s: %s", path, forwarding.getMessage());
      ProblemReplies.send(
          context,
          forwarding.reason() == ForwardingException.Reason.TOO_LARGE
              ? GatewayProblems.payloadTooLarge(maxRequestBytes, path)
              : forwarding.reason() == ForwardingException.Reason.TIMEOUT
                  ? GatewayProblems.upstreamTimeout("process", path)
                  : problem(
                      502,
                      "process-unreachable",
                      "Process unreachable",
                      "The process does not accept connections",
                      path));
    } else if (failure instanceof ProcessRoutes.LookupFailed) {
      Log.warnf("public route %s: %s", path, failure.getMessage());
      ProblemReplies.send(context, GatewayProblems.upstreamUnavailable("supervisor", path));
    } else {
      String reference = java.util.UUID.randomUUID().toString();
      Log.errorf(failure, "cannot relay %s, reference %s", path, reference);
      ProblemReplies.send(context, GatewayProblems.internal(reference, path));
    }
  }

  private static Problem notFound(String path) {
    return problem(404, "not-found", "Not found", "No such process route", path);
  }

  private static Problem problem(
      int status, String slug, String title, String detail, String path) {
    return new Problem(Problem.type(slug), title, status, detail, path, null);
  }
}
