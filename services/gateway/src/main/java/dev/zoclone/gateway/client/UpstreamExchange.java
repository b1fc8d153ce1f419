package dev.zoclone.gateway.client;

import dev.zoclone.gateway.client.ForwardingException.Reason;
import io.quarkus.logging.Log;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * One request relayed to a service and its response relayed back. Both bodies stream: nothing is
 * buffered beyond what back-pressure holds, so uploads and server-sent events pass as they come.
 * Runs on the request's event loop, so its state needs no locking.
 */
final class UpstreamExchange {
  private final Vertx vertx;
  private final HttpClient client;
  private final HttpServerRequest in;
  private final HttpServerResponse out;
  private final RequestOptions options;
  private final long maxRequestBytes;
  private final long timeoutMillis;

  /** Another replica can take the request when this one fails: the caller fails over. */
  private final boolean keepBodyOnConnectFailure;

  private final Promise<Void> outcome = Promise.promise();

  private HttpClientRequest outbound;
  private long timer = -1;
  private long received;

  /** The service's response headers arrived: from here on the exchange only streams. */
  private boolean relaying;

  /** The exchange gave up: the rest of the request body is dropped. */
  private boolean aborted;

  /** The request was sent a second time, after its pooled connection closed under it. */
  private boolean retried;

  /** The whole request went to the service. */
  private boolean requestSent;

  /**
   * The service's response has ended too: the connection is back in the pool, maybe already the
   * next exchange's, and this exchange must not touch it (see {@link EventLoopClients}).
   */
  private boolean responseEnded;

  UpstreamExchange(
      Vertx vertx,
      HttpClient client,
      HttpServerRequest in,
      RequestOptions options,
      long maxRequestBytes,
      long timeoutMillis,
      boolean keepBodyOnConnectFailure) {
    this.vertx = vertx;
    this.client = client;
    this.in = in;
    this.out = in.response();
    this.options = options;
    this.maxRequestBytes = maxRequestBytes;
    this.timeoutMillis = timeoutMillis;
    this.keepBodyOnConnectFailure = keepBodyOnConnectFailure;
  }

  /**
   * Starts relaying; the future succeeds once the service's response is on its way to the client
   * (or the client has gone), and fails with a {@link ForwardingException} when the caller must
   * answer instead.
   */
  Future<Void> start() {
    // The timeout covers connecting and waiting for the response headers, not a long stream.
    timer = vertx.setTimer(timeoutMillis, id -> abort(Reason.TIMEOUT, "no response in time", null));
    out.closeHandler(v -> clientGone());
    client.request(options).onComplete(this::connected);
    return outcome.future();
  }

  private void connected(AsyncResult<HttpClientRequest> connection) {
    if (connection.failed()) {
      if (!aborted && !retried && connection.cause() instanceof HttpClosedException) {
        // The pooled connection handed to this exchange closed before anything went on it (its
        // service closed it while it sat idle): a fresh connection takes the request, whatever it
        // is, since the service has seen none of it.
        retried = true;
        client.request(options).onComplete(this::connected);
        return;
      }
      if (!aborted && keepBodyOnConnectFailure) {
        // Another replica may take the request: its body stays paused and unread.
        aborted = true;
        vertx.cancelTimer(timer);
        outcome.tryFail(
            new ForwardingException(
                Reason.UNREACHABLE, "cannot connect", connection.cause(), true));
        return;
      }
      abort(Reason.UNREACHABLE, "cannot connect", connection.cause());
      return;
    }
    outbound = connection.result();
    if (aborted) {
      outbound.reset();
      return;
    }
    // Failures surface through the response future; this only keeps Vert.x from logging them.
    outbound.exceptionHandler(e -> Log.debugf("request to %s failed: %s", options.getURI(), e));
    outbound.response().onComplete(this::responded);
    sendBody();
  }

  private void sendBody() {
    String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
    // A body of unknown length goes chunked; a request that has ended already (an HTTP/2 GET, say)
    // has none to send.
    if (length == null
        && !in.isEnded()
        && (in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
            || in.version() == HttpVersion.HTTP_2)) {
      outbound.setChunked(true);
    }
    if (ForwardedHeaders.expectsContinue(in)) {
      out.writeContinue();
    }
    if (in.isEnded()) {
      endOutbound();
      return;
    }
    in.handler(this::relayChunk);
    in.endHandler(
        v -> {
          if (!aborted) {
            endOutbound();
          }
        });
    // The client's connection failed in the middle of its body: the client is gone, the service is
    // not at fault (a failure of the reset stream must not mark its replica down or be logged as
    // the service's).
    in.exceptionHandler(e -> clientGone());
    in.resume();
  }

  private void endOutbound() {
    requestSent = true;
    outbound.end();
  }

  private void relayChunk(Buffer chunk) {
    if (aborted) {
      return;
    }
    received += chunk.length();
    if (received > maxRequestBytes) {
      if (relaying) {
        // The service answered already; there is no clean way left to say 413.
        aborted = true;
        resetOutbound();
        out.reset();
      } else {
        abort(Reason.TOO_LARGE, "request body over " + maxRequestBytes + " bytes", null);
      }
      return;
    }
    outbound.write(chunk);
    if (outbound.writeQueueFull()) {
      in.pause();
      outbound.drainHandler(v -> in.resume());
    }
  }

  private void responded(AsyncResult<HttpClientResponse> result) {
    vertx.cancelTimer(timer);
    if (aborted) {
      return;
    }
    if (result.failed()) {
      if (!retried && !keepBodyOnConnectFailure && in.isEnded() && bodiless(in.method())) {
        // A pooled connection the service closed fails a request sent on it before any answer;
        // a request without a body that changes nothing is sent once more, on another connection
        // (where another replica can take it, the caller sends it there instead).
        retried = true;
        requestSent = false;
        Log.debugf("retrying %s after %s", options.getURI(), result.cause());
        timer = vertx.setTimer(timeoutMillis, id -> abort(Reason.TIMEOUT, "no response", null));
        client.request(options).onComplete(this::connected);
        return;
      }
      abort(Reason.UNREACHABLE, "no response", result.cause());
      return;
    }
    HttpClientResponse response = result.result();
    relaying = true;
    out.setStatusCode(response.statusCode());
    ForwardedHeaders.toClient(response.headers(), out.headers());
    if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(response)) {
      out.setChunked(true);
    }
    // Relayed by hand, not piped: the exchange learns that the response ended before anything
    // else of it runs (a pipe ends the client's response, and fails, before its own end is known).
    response.handler(chunk -> relayAnswerChunk(response, chunk));
    response.endHandler(
        v -> {
          responseEnded = true;
          if (!out.ended()) {
            out.end();
          }
        });
    response.exceptionHandler(
        e -> {
          // A stream cut short must not look complete to the client.
          resetOutbound();
          out.reset();
        });
    outcome.tryComplete();
  }

  private void relayAnswerChunk(HttpClientResponse response, Buffer chunk) {
    if (out.ended()) {
      return;
    }
    out.write(chunk);
    if (out.writeQueueFull()) {
      response.pause();
      out.drainHandler(v -> response.resume());
    }
  }

  private static boolean bodiless(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }

  private boolean mayHaveBody(HttpClientResponse response) {
    int status = response.statusCode();
    return in.method() != HttpMethod.HEAD && status != 204 && status != 304;
  }

  private void abort(Reason reason, String message, Throwable cause) {
    if (aborted || relaying) {
      return;
    }
    aborted = true;
    vertx.cancelTimer(timer);
    resetOutbound();
    if (!in.isEnded()) {
      // Whatever is left of the body is read and dropped, so the connection stays usable.
      in.handler(chunk -> {});
      in.resume();
    }
    outcome.tryFail(new ForwardingException(reason, message, cause));
  }

  /**
   * The client disconnected (or, over HTTP/2, its stream closed): unless the whole exchange is
   * over, stop the service's work too; there is nobody left to answer. An exchange relayed to its
   * end both ways leaves the service's connection open for the next one.
   */
  private void clientGone() {
    if (out.ended() && in.isEnded()) {
      return;
    }
    aborted = true;
    vertx.cancelTimer(timer);
    resetOutbound();
    outcome.tryComplete();
  }

  /** Stops the service's side of an exchange that is not over, by closing its connection. */
  private void resetOutbound() {
    if (outbound != null && !(requestSent && responseEnded)) {
      outbound.reset();
    }
  }
}
