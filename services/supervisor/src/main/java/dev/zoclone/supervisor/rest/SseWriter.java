package dev.zoclone.supervisor.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes named server-sent events to a response stream, flushing each batch so it leaves at once;
 * tells when the client hung up (a failed write, or the connection's close over HTTP/1.1).
 */
final class SseWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OutputStream out;
  private final AtomicBoolean hungUp = new AtomicBoolean();

  SseWriter(OutputStream out, HttpServerRequest request) {
    this.out = out;
    request.connection().closeHandler(closed -> hungUp.set(true));
  }

  /** Whether the client is still there. */
  boolean open() {
    return !hungUp.get();
  }

  /** Queues one event named {@code name} with {@code data} as JSON. */
  void event(String name, Object data) {
    try {
      String frame = "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
      write(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Queues a comment, which keeps an idle stream alive and detects a gone client. */
  void comment(String text) {
    write(": " + text + "\n\n");
  }

  /** Sends what was queued. */
  void flush() {
    try {
      out.flush();
    } catch (IOException | IllegalStateException e) {
      hungUp.set(true);
    }
  }

  private void write(String frame) {
    try {
      out.write(frame.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | IllegalStateException e) {
      hungUp.set(true);
    }
  }
}
