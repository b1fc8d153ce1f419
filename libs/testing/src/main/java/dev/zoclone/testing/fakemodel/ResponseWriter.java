package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Writes one answer from a worker thread: a JSON body, or server-sent events flushed one by one.
 * Each write waits until it left, so a client that hung up fails the next write with an {@link
 * IOException}.
 */
final class ResponseWriter {

  private final HttpServerResponse response;
  private volatile boolean committed;

  ResponseWriter(HttpServerResponse response) {
    this.response = response;
  }

  boolean committed() {
    return committed;
  }

  void json(int status, JsonNode body, Map<String, String> headers) throws IOException {
    headers.forEach(response::putHeader);
    response.putHeader("Content-Type", "application/json");
    response.setStatusCode(status);
    committed = true;
    await(() -> response.end(Buffer.buffer(Json.write(body))));
  }

  /** Sends the events with {@code pause} between consecutive ones, flushing each on its own. */
  void events(List<SseEvent> events, Duration pause) throws IOException, InterruptedException {
    response.putHeader("Cache-Control", "no-cache");
    paced("text/event-stream", events.stream().map(SseEvent::wireText).toList(), pause);
  }

  /** Sends each event's data as one line of JSON ({@code application/x-ndjson}), like Ollama. */
  void lines(List<SseEvent> events, Duration pause) throws IOException, InterruptedException {
    paced("application/x-ndjson", events.stream().map(e -> e.data() + "\n").toList(), pause);
  }

  private void paced(String contentType, List<String> chunks, Duration pause)
      throws IOException, InterruptedException {
    response.putHeader("Content-Type", contentType);
    response.setStatusCode(200);
    // Chunked encoding, so each write reaches the client as it happens.
    response.setChunked(true);
    committed = true;
    for (int i = 0; i < chunks.size(); i++) {
      if (i > 0) {
        Thread.sleep(pause.toMillis());
      }
      String chunk = chunks.get(i);
      await(() -> response.write(chunk));
    }
    await(response::end);
  }

  private static void await(Supplier<Future<Void>> write) throws IOException {
    try {
      write.get().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IOException("the client went away", e.getCause());
    } catch (IllegalStateException e) {
      throw new IOException("the answer can no longer be written", e);
    } catch (TimeoutException e) {
      throw new IOException("the client stopped reading", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing", e);
    }
  }
}
