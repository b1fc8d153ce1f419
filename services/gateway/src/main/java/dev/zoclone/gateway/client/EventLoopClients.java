package dev.zoclone.gateway.client;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client, with its own pool of keep-alive connections, per event loop of the gateway, so
 * an exchange relayed on a loop runs its connection to the service on that same loop. Then the
 * service's response ending, the connection going back to the pool and the exchange seeing that end
 * happen in one step of one thread: an exchange that ends its request on a client's hang-up always
 * knows whether its connection is still its own. With one client for all loops, the connection went
 * back to the pool (and on to the next exchange) before the exchange's own loop heard that its
 * response had ended, and Vert.x closes a reused connection when a finished request is reset.
 */
public final class EventLoopClients implements AutoCloseable {
  private final Vertx vertx;
  private final HttpClientOptions options;
  private final PoolOptions pool;
  private final Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();

  /** Off an event loop (a worker thread, a test), one shared client serves. */
  private final HttpClient offLoop;

  public EventLoopClients(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
    this.vertx = vertx;
    this.options = options;
    this.pool = pool;
    this.offLoop = vertx.createHttpClient(options, pool);
  }

  /** The client of the calling thread's event loop. */
  public HttpClient current() {
    if (!Context.isOnEventLoopThread()) {
      return offLoop;
    }
    return byLoop.computeIfAbsent(
        Thread.currentThread(), loop -> vertx.createHttpClient(options, pool));
  }

  @Override
  public void close() {
    byLoop.values().forEach(HttpClient::close);
    offLoop.close();
  }
}
