package dev.zoclone.gateway.client;

import dev.zoclone.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The pooled, non-blocking HTTP/2 client the gateway uses to reach the services; requests that may
 * stream a model's answer take {@link StreamingUpstream} instead.
 */
@Singleton
public class UpstreamHttpClient {
  private static final int MAX_CONNECTIONS_PER_SERVICE = 100;

  /** Each carries as many streams at once as the service allows (100 for Quarkus). */
  private static final int HTTP2_CONNECTIONS_PER_SERVICE = 4;

  @Produces
  @Singleton
  HttpClient create(Vertx vertx, GatewayConfig config) {
    HttpClientOptions options =
        options(config)
            // HTTP/2 where the service offers it (h2c; HTTP/1.1 otherwise): resetting a request
            // then resets only its stream, which the service is told of at once (RST_STREAM). A
            // request that may stream a model's answer goes over HTTP/1.1 instead
            // (StreamingUpstream).
            .setProtocolVersion(HttpVersion.HTTP_2)
            // A new connection is upgraded by a bodiless OPTIONS first, so that no relayed request
            // (an upload, a long stream) is ever the upgrade request itself.
            .setHttp2ClearTextUpgradeWithPreflightRequest(true);
    return vertx.createHttpClient(
        options,
        new PoolOptions()
            .setHttp1MaxSize(MAX_CONNECTIONS_PER_SERVICE)
            .setHttp2MaxSize(HTTP2_CONNECTIONS_PER_SERVICE));
  }

  /** What every client of the services shares: keep-alive, the connect timeout, raw bodies. */
  static HttpClientOptions options(GatewayConfig config) {
    return new HttpClientOptions()
        .setKeepAlive(true)
        .setConnectTimeout((int) config.timeout().toMillis())
        // Bodies pass through as the service encoded them.
        .setDecompressionSupported(false);
  }

  void close(@Disposes HttpClient client) {
    client.close();
  }
}
