package dev.zoclone.gateway.client;

import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.service.RouteTable.Upstream;
import dev.zoclone.platform.config.PlatformConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Relays a request to the service that owns its path, as the authenticated caller: same method,
 * path, query, headers and body, plus the caller's id and the internal secret.
 */
@ApplicationScoped
public class ServiceForwarder {
  private final Vertx vertx;
  private final HttpClient client;
  private final GatewayConfig config;
  private final String internalSecret;

  public ServiceForwarder(
      Vertx vertx, HttpClient client, GatewayConfig config, PlatformConfig platform) {
    this.vertx = vertx;
    this.client = client;
    this.config = config;
    this.internalSecret = platform.internalSecret();
  }

  /**
   * Relays {@code request} (paused, not yet read) to {@code upstream} at {@code path}; see {@link
   * UpstreamExchange#start()} for what the future means.
   */
  public Future<Void> forward(
      HttpServerRequest request, String path, Upstream upstream, String userId, boolean admin) {
    String query = request.query();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setAbsoluteURI(
                UpstreamUris.join(upstream.url(), query == null ? path : path + "?" + query))
            .setHeaders(ForwardedHeaders.toService(request, userId, admin, internalSecret))
            .setFollowRedirects(false);
    return new UpstreamExchange(
            vertx, client, request, options, config.maxRequestBytes(), config.timeout().toMillis())
        .start();
  }
}
