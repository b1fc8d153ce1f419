package dev.zoclone.browser.rest;

import dev.zoclone.browser.config.BrowserConfig;
import dev.zoclone.browser.repository.SessionDirectory;
import dev.zoclone.browser.service.SessionRegistry;
import dev.zoclone.contract.Problem;
import dev.zoclone.contract.ZoHeaders;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a request for a session that another replica holds to that replica, before this one's
 * routes see it: the session directory in PostgreSQL says where each live session is. The other
 * replica checks the gateway's secret and the caller as usual; the answer is relayed as it comes.
 */
@ApplicationScoped
public class ReplicaForwarding {
  /** Marks a forwarded request, so that a stale directory entry can never make a loop. */
  static final String FORWARDED = "X-Zo-Browser-Forwarded";

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "transfer-encoding", "upgrade", "host", "te", "trailer");

  private final SessionRegistry registry;
  private final SessionDirectory directory;
  private final String self;
  private final Vertx vertx;
  private HttpClient client;

  public ReplicaForwarding(
      SessionRegistry registry, SessionDirectory directory, BrowserConfig config, Vertx vertx) {
    this.registry = registry;
    this.directory = directory;
    this.self = config.replicaUrl();
    this.vertx = vertx;
  }

  void install(@Observes Router router) {
    client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(32));
    router.routeWithRegex("/api/v1/browser/sessions/([^/]+)(/.*)?").order(-10).handler(this::route);
  }

  private void route(RoutingContext context) {
    HttpServerRequest request = context.request();
    String id = context.pathParam("param0");
    String owner = request.getHeader(ZoHeaders.USER);
    if (owner == null || id == null || request.getHeader(FORWARDED) != null) {
      context.next();
      return;
    }
    if (registry.find(owner, id).isPresent()) {
      context.next();
      return;
    }
    request.pause();
    vertx
        .executeBlocking(() -> directory.replicaOf(owner, id), false)
        .onComplete(
            found -> {
              Optional<String> replica = found.succeeded() ? found.result() : Optional.empty();
              if (replica.isEmpty() || replica.get().equals(self)) {
                request.resume();
                context.next();
              } else {
                forward(context, replica.get());
              }
            });
  }

  private void forward(RoutingContext context, String replica) {
    HttpServerRequest request = context.request();
    java.net.URI target = java.net.URI.create(replica);
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(target.getHost())
            .setPort(target.getPort())
            .setURI(request.uri())
            .putHeader(FORWARDED, self);
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                options.addHeader(name, value);
              }
            });
    client
        .request(options)
        .compose(upstream -> upstream.send(request))
        .onSuccess(
            answer -> {
              var response = context.response().setStatusCode(answer.statusCode());
              answer
                  .headers()
                  .forEach(
                      (name, value) -> {
                        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                          response.headers().add(name, value);
                        }
                      });
              if (answer.getHeader("Content-Length") == null) {
                response.setChunked(true);
              }
              answer.pipeTo(response);
            })
        .onFailure(
            e -> {
              Log.warnf("forwarding to browser replica %s failed: %s", replica, e.getMessage());
              context
                  .response()
                  .setStatusCode(410)
                  .putHeader("Content-Type", "application/problem+json")
                  .end(
                      "{\"type\":\""
                          + Problem.type("session-lost")
                          + "\",\"title\":\"Session lost\","
                          + "\"status\":410,\"detail\":\"the replica that held the session is gone\"}");
            });
  }
}
