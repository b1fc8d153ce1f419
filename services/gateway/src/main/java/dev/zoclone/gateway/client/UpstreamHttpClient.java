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

/** The one pooled, non-blocking HTTP client the gateway uses to reach the services. */
@Singleton
public class UpstreamHttpClient {
  private static final int MAX_CONNECTIONS_PER_SERVICE = 100;

  /** Each carries as many streams at once as the service allows (100 for Quarkus). */
  private static final int HTTP2_CONNECTIONS_PER_SERVICE = 4;

  @Produces
  @Singleton
  HttpClient create(Vertx vertx, GatewayConfig config) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            // HTTP/2 where the service offers it (h2c; HTTP/1.1 otherwise): resetting a request
            // then resets only its stream, which the service is told of at once (RST_STREAM). Over
            // HTTP/1.1 the gateway can only close the connection, and a Quarkus service streaming
            // through a blocking output does not notice that, so a hung-up ask kept its model's
            // stream running to the end.
            .setProtocolVersion(HttpVersion.HTTP_2)
            // A new connection is upgraded by a bodiless OPTIONS first, so that no relayed request
            // (an upload, a long stream) is ever the upgrade request itself.
            .setHttp2ClearTextUpgradeWithPreflightRequest(true)
            .setConnectTimeout((int) config.timeout().toMillis())
            // Bodies pass through as the service encoded them.
            .setDecompressionSupported(false);
    return vertx.createHttpClient(
        options,
        new PoolOptions()
            .setHttp1MaxSize(MAX_CONNECTIONS_PER_SERVICE)
            .setHttp2MaxSize(HTTP2_CONNECTIONS_PER_SERVICE));
  }

  void close(@Disposes HttpClient client) {
    client.close();
  }
}
