package dev.zoclone.gateway.client;

import dev.zoclone.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one pooled, non-blocking HTTP client the gateway uses to reach the services. */
@Singleton
public class UpstreamHttpClient {
  private static final int MAX_CONNECTIONS_PER_SERVICE = 100;

  @Produces
  @Singleton
  HttpClient create(Vertx vertx, GatewayConfig config) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout((int) config.timeout().toMillis())
            // Bodies pass through as the service encoded them.
            .setDecompressionSupported(false);
    return vertx.createHttpClient(
        options, new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_SERVICE));
  }

  void close(@Disposes HttpClient client) {
    client.close();
  }
}
