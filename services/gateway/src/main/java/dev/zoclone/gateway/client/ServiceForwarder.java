package dev.zoclone.gateway.client;

import dev.zoclone.gateway.client.ForwardingException.Reason;
import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.service.RouteTable.Upstream;
import dev.zoclone.platform.config.PlatformConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * Relays a request to a replica of the service that owns its path, as the authenticated caller:
 * same method, path, query, headers and body, plus the caller's id and the internal secret. An
 * idempotent request (GET, HEAD, or one with an {@code Idempotency-Key}) that a replica fails to
 * take is sent once more, to another replica.
 */
@Singleton
public class ServiceForwarder {
  private final Vertx vertx;
  private final EventLoopClients clients;
  private final GatewayConfig config;
  private final ServiceReplicas replicas;
  private final ReplicaMeters meters;
  private final String internalSecret;

  public ServiceForwarder(
      Vertx vertx,
      EventLoopClients clients,
      GatewayConfig config,
      ServiceReplicas replicas,
      ReplicaMeters meters,
      PlatformConfig platform) {
    this.vertx = vertx;
    this.clients = clients;
    this.config = config;
    this.replicas = replicas;
    this.meters = meters;
    this.internalSecret = platform.internalSecret();
  }

  /**
   * Relays {@code request} (paused, not yet read) to a replica of {@code upstream} at {@code path};
   * see {@link UpstreamExchange#start()} for what the future means.
   */
  public Future<Void> forward(
      HttpServerRequest request,
      String path,
      Upstream upstream,
      String userId,
      String userName,
      boolean admin) {
    String query = request.query();
    MultiMap headers = ForwardedHeaders.toService(request, userId, userName, admin, internalSecret);
    int attempts = idempotent(request) ? 2 : 1;
    return attempt(
        request,
        query == null ? path : path + "?" + query,
        upstream,
        headers,
        new HashSet<>(),
        attempts);
  }

  private Future<Void> attempt(
      HttpServerRequest request,
      String pathAndQuery,
      Upstream upstream,
      MultiMap headers,
      Set<URI> tried,
      int attemptsLeft) {
    URI url = replicas.pick(upstream.service(), tried).orElse(upstream.url());
    tried.add(url);
    boolean another = replicas.urls(upstream.service()).stream().anyMatch(u -> !tried.contains(u));
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setAbsoluteURI(UpstreamUris.join(url, pathAndQuery))
            .setHeaders(headers)
            .setFollowRedirects(false);
    return new UpstreamExchange(
            vertx,
            clients.current(),
            request,
            options,
            config.maxRequestBytes(),
            config.timeout().toMillis(),
            // Any request may move on while no replica was reached: nothing of it was sent.
            another)
        .start()
        .recover(
            failure -> {
              if (!(failure instanceof ForwardingException forwarding)
                  || forwarding.reason() != Reason.UNREACHABLE) {
                return Future.failedFuture(failure);
              }
              replicas.markDown(upstream.service(), url);
              boolean resend =
                  another
                      && (forwarding.nothingSent()
                          || (attemptsLeft > 1 && bodilessAndSent(request)));
              if (resend) {
                meters.failover(upstream.service());
                int left = forwarding.nothingSent() ? attemptsLeft : attemptsLeft - 1;
                return attempt(request, pathAndQuery, upstream, headers, tried, left);
              }
              if (forwarding.nothingSent()) {
                drain(request);
              }
              // The replica that failed, for the log: the route knows only the service.
              return Future.failedFuture(
                  new ForwardingException(
                      forwarding.reason(),
                      url + ": " + forwarding.getMessage(),
                      forwarding.getCause(),
                      forwarding.nothingSent()));
            });
  }

  /**
   * GET, HEAD, or a request the client marked with an {@code Idempotency-Key}: the service answers
   * a repeat as it answered the first.
   */
  static boolean idempotent(HttpServerRequest request) {
    HttpMethod method = request.method();
    return method == HttpMethod.GET
        || method == HttpMethod.HEAD
        || request.getHeader("Idempotency-Key") != null;
  }

  /**
   * A request without a body that was sent whole: it can be sent again as it was (a body already
   * streamed to the failed replica is gone).
   */
  private static boolean bodilessAndSent(HttpServerRequest request) {
    return request.isEnded()
        && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD);
  }

  private static void drain(HttpServerRequest request) {
    if (!request.isEnded()) {
      request.handler(chunk -> {});
      request.resume();
    }
  }
}
