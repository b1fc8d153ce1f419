package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Writes one answer to an exchange: a JSON body, or server-sent events flushed one by one. */
final class ResponseWriter {

  private final HttpExchange exchange;
  private boolean committed;

  ResponseWriter(HttpExchange exchange) {
    this.exchange = exchange;
  }

  boolean committed() {
    return committed;
  }

  void json(int status, JsonNode body, Map<String, String> headers) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    committed = true;
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends the events with {@code pause} between consecutive ones, flushing each on its own. */
  void events(List<SseEvent> events, Duration pause) throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    paced("text/event-stream", events.stream().map(SseEvent::wireText).toList(), pause);
  }

  /** Sends each event's data as one line of JSON ({@code application/x-ndjson}), like Ollama. */
  void lines(List<SseEvent> events, Duration pause) throws IOException, InterruptedException {
    paced("application/x-ndjson", events.stream().map(e -> e.data() + "\n").toList(), pause);
  }

  private void paced(String contentType, List<String> chunks, Duration pause)
      throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    committed = true;
    // Length 0 means chunked encoding, so each flush reaches the client as it happens.
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < chunks.size(); i++) {
        if (i > 0) {
          Thread.sleep(pause.toMillis());
        }
        out.write(chunks.get(i).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }
}
