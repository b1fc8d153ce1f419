package dev.zoclone.agents.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes named server-sent events to a response stream, flushing each so it leaves at once. A send
 * after the client hung up is {@link ClientGone}: over HTTP/2 the write fails, but over HTTP/1.1
 * only the connection's close says so (writes to a closed connection are dropped quietly).
 */
final class SseWriter {
  /** What a streamed response does with its events. */
  @FunctionalInterface
  interface Events {
    void write(SseWriter events);
  }

  /**
   * A response body of events written by {@code body} that ends within its own stream whatever
   * happens. Nothing may escape it once the head is sent: RESTEasy Reactive answers an error after
   * the head by closing the request's connection without a word. A client gone ends the body
   * quietly; any other failure resets the exchange, which tells the client the answer is cut.
   */
  static StreamingOutput streaming(HttpServerRequest request, Events body) {
    return out -> {
      try {
        body.write(new SseWriter(out, request));
        out.close();
      } catch (ClientGone | IOException e) {
        Log.debugf("event stream %s: the client hung up", request.path());
        closeQuietly(out);
      } catch (RuntimeException e) {
        if (!request.response().headWritten()) {
          throw e;
        }
        Log.warnf(e, "event stream %s failed after its head was sent", request.path());
        request.response().reset();
        closeQuietly(out);
      }
    };
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // The stream is gone already: there is nothing left to end.
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final OutputStream out;
  private final AtomicBoolean hungUp = new AtomicBoolean();

  /** Events for {@code out}, the response of {@code request}. */
  SseWriter(OutputStream out, HttpServerRequest request) {
    this.out = out;
    // A service speaks HTTP/1.1 only (the platform's quarkus.http.http2=false): the connection
    // closing is the client hanging up.
    request.connection().closeHandler(closed -> hungUp.set(true));
  }

  /** Sends one event named {@code name} (null for an unnamed event) with {@code data} as JSON. */
  synchronized void send(String name, Object data) {
    if (hungUp.get()) {
      throw new ClientGone(new IOException("the connection was closed"));
    }
    try {
      String json = data instanceof String s ? s : JSON.writeValueAsString(data);
      StringBuilder frame = new StringBuilder();
      if (name != null) {
        frame.append("event: ").append(name).append('\n');
      }
      frame.append("data: ").append(json).append("\n\n");
      out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException | IllegalStateException e) {
      throw new ClientGone(e);
    }
  }

  /** The client closed the stream: nothing more can reach it. */
  static final class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClientGone(Exception cause) {
      super("the client went away", cause);
    }
  }
}
