package dev.zoclone.gateway.client;

import dev.zoclone.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The HTTP/1.1 client for requests that may stream a model's answer: each on a connection of its
 * own, so that a client hanging up one stream (the gateway then closes that connection) cannot end
 * the others. Over a shared HTTP/2 connection, a service built on Quarkus closes the whole
 * connection, every other stream on it included, soon after one stream is reset mid-answer.
 */
@Singleton
public class StreamingUpstream {
  /** The routes that stream a model's answer when the request asks for it in its body. */
  private static final Set<String> STREAMING_PATHS =
      Set.of("/api/v1/ask", "/zo/ask", "/v1/chat/completions");

  private static final int MAX_CONNECTIONS_PER_SERVICE = 256;

  private final HttpClient client;

  public StreamingUpstream(Vertx vertx, GatewayConfig config) {
    this.client =
        vertx.createHttpClient(
            UpstreamHttpClient.options(config).setProtocolVersion(HttpVersion.HTTP_1_1),
            new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_SERVICE));
  }

  /** Whether a request to the service at {@code path} goes on a connection of its own. */
  public static boolean carries(String path) {
    return STREAMING_PATHS.contains(path);
  }

  public HttpClient client() {
    return client;
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
