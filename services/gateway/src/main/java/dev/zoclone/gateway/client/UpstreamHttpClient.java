package dev.zoclone.gateway.client;

import dev.zoclone.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The non-blocking clients the gateway reaches the services with, one per event loop ({@link
 * EventLoopClients}): HTTP/1.1 over a bounded pool of keep-alive connections per replica and loop
 * ({@code zo.gateway.upstream-connections}), one exchange on a connection at a time. So no exchange
 * shares its connection with another: a client that hangs up closes its exchange's connection,
 * which tells the service at once (a model's stream stops) and ends nothing else. HTTP/1.1 also
 * costs the gateway less per request than HTTP/2 (no header compression, no framing or flow
 * control).
 */
@Singleton
public class UpstreamHttpClient {

  @Produces
  @Singleton
  EventLoopClients create(Vertx vertx, GatewayConfig config) {
    return new EventLoopClients(
        vertx,
        options(config)
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            // No client span of its own: the request's trace goes on in the service as the child
            // of the gateway's server span, whose traceparent ForwardedHeaders passes on.
            .setTracingPolicy(TracingPolicy.IGNORE),
        new PoolOptions().setHttp1MaxSize(config.upstreamConnections()));
  }

  /** What every client of the services shares: keep-alive, the connect timeout, raw bodies. */
  static HttpClientOptions options(GatewayConfig config) {
    return new HttpClientOptions()
        .setKeepAlive(true)
        .setConnectTimeout((int) config.timeout().toMillis())
        // Bodies pass through as the service encoded them.
        .setDecompressionSupported(false);
  }

  void close(@Disposes EventLoopClients clients) {
    clients.close();
  }
}
