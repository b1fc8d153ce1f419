package dev.zoclone.gateway.rest;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.GatewayProblems;
import dev.zoclone.gateway.client.ForwardingException;
import dev.zoclone.gateway.client.ServiceForwarder;
import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.service.RouteTable.Upstream;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Sends requests for paths a service owns ({@link RouteLookup}) to that service (after {@link
 * BearerAuthentication}); everything else goes on to the gateway's own routes.
 */
@Singleton
public class ForwardingRoute implements Handler<RoutingContext> {
  private final ServiceForwarder forwarder;
  private final long maxRequestBytes;

  public ForwardingRoute(ServiceForwarder forwarder, GatewayConfig config) {
    this.forwarder = forwarder;
    this.maxRequestBytes = config.maxRequestBytes();
  }

  @Override
  public void handle(RoutingContext context) {
    Upstream upstream = RouteLookup.upstreamOf(context);
    if (upstream == null) {
      context.next();
      return;
    }
    String path = context.normalizedPath();
    Caller caller = BearerAuthentication.callerOf(context);
    forwarder
        .forward(context.request(), path, upstream, caller.id(), caller.name(), caller.admin())
        .onFailure(failure -> answer(context, path, upstream, failure));
  }

  private void answer(RoutingContext context, String path, Upstream upstream, Throwable failure) {
    if (!(failure instanceof ForwardingException forwarding)) {
      String reference = UUID.randomUUID().toString();
      Log.errorf(failure, "cannot forward %s, reference %s", path, reference);
      ProblemReplies.send(context, GatewayProblems.internal(reference, path));
      return;
    }
    switch (forwarding.reason()) {
      case TOO_LARGE ->
          ProblemReplies.sendAndClose(
              context, GatewayProblems.payloadTooLarge(maxRequestBytes, path));
      case TIMEOUT -> {
        Log.warnf("%s did not answer %s in time", upstream.service(), path);
        ProblemReplies.send(context, GatewayProblems.upstreamTimeout(upstream.service(), path));
      }
      case UNREACHABLE -> {
        Log.warnf(
            "%s is unreachable: %s%s",
            upstream.service(),
            forwarding.getMessage(),
            forwarding.getCause() == null ? "" : " (" + forwarding.getCause() + ")");
        ProblemReplies.send(context, GatewayProblems.upstreamUnavailable(upstream.service(), path));
      }
    }
  }
}
