package dev.zoclone.gateway.client;

import dev.zoclone.gateway.client.ForwardingException.Reason;
import dev.zoclone.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Relays a request on a public route to the user's process that serves it, over HTTP/1.1 (users'
 * apps rarely speak h2c): the same streaming exchange as for services, without the caller's token
 * or identity headers; a WebSocket upgrade becomes a raw tunnel between client and process.
 */
@ApplicationScoped
public class ProcessForwarder {
  private static final int MAX_CONNECTIONS_PER_PROCESS = 50;

  private final Vertx vertx;
  private final EventLoopClients clients;
  private final GatewayConfig config;

  public ProcessForwarder(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.clients =
        new EventLoopClients(
            vertx,
            UpstreamHttpClient.options(config),
            new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_PROCESS));
  }

  @PreDestroy
  void close() {
    clients.close();
  }

  /**
   * Relays {@code request} (paused) to {@code http://host:port} at {@code path}; {@code prefix} is
   * the route's mount point, told to the process in {@code X-Forwarded-Prefix}. The future means
   * what {@link UpstreamExchange#start()}'s means.
   */
  public Future<Void> forward(
      HttpServerRequest request, String host, int port, String path, String prefix) {
    String query = request.query();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(host)
            .setPort(port)
            .setURI(query == null ? path : path + "?" + query)
            .setHeaders(ForwardedHeaders.toProcess(request, prefix))
            .setFollowRedirects(false);
    if (ForwardedHeaders.isWebSocketUpgrade(request)) {
      return tunnel(request, options);
    }
    return new UpstreamExchange(
            vertx,
            clients.current(),
            request,
            options,
            config.maxRequestBytes(),
            config.timeout().toMillis(),
            false)
        .start();
  }

  /** Passes a WebSocket upgrade on, then copies bytes both ways until either side closes. */
  private Future<Void> tunnel(HttpServerRequest request, RequestOptions options) {
    MultiMap headers = options.getHeaders();
    headers.set(HttpHeaders.UPGRADE, request.getHeader(HttpHeaders.UPGRADE));
    headers.set(HttpHeaders.CONNECTION, "Upgrade");
    return clients
        .current()
        .request(options)
        .recover(e -> Future.failedFuture(new ForwardingException(Reason.UNREACHABLE, "", e)))
        .compose(
            outbound ->
                outbound
                    .connect()
                    .recover(
                        e ->
                            Future.failedFuture(
                                new ForwardingException(Reason.UNREACHABLE, "no upgrade", e))))
        .compose(response -> answerUpgrade(request, response));
  }

  private Future<Void> answerUpgrade(HttpServerRequest request, HttpClientResponse response) {
    HttpServerResponse out = request.response();
    if (response.statusCode() != 101) {
      // The process refused the upgrade: its answer goes back as it is.
      out.setStatusCode(response.statusCode());
      ForwardedHeaders.toClient(response.headers(), out.headers());
      return response.body().compose(out::end);
    }
    ForwardedHeaders.toClient(response.headers(), out.headers());
    out.headers().set(HttpHeaders.UPGRADE, response.getHeader(HttpHeaders.UPGRADE));
    out.headers().set(HttpHeaders.CONNECTION, "Upgrade");
    NetSocket toProcess = response.netSocket();
    return request
        .toNetSocket()
        .map(
            toClient -> {
              toClient.pipeTo(toProcess);
              toProcess.pipeTo(toClient);
              return (Void) null;
            })
        .onFailure(
            e -> {
              Log.debugf("cannot open the WebSocket tunnel: %s", e.getMessage());
              toProcess.close();
            });
  }
}
