package dev.zoclone.testing.fakemodel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared plumbing of the fake model servers: a real HTTP server on 127.0.0.1 and an ephemeral
 * port that records every request and answers chat requests from a queue of scripted replies.
 */
public abstract class FakeModelServer implements AutoCloseable {

  /** Answers one request on one endpoint. */
  @FunctionalInterface
  interface Endpoint {
    void respond(RecordedRequest request, ResponseWriter out)
        throws IOException, InterruptedException;
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final WireFormat wire;
  private final HttpServer http;
  private final ExecutorService workers;
  private final RequestJournal journal = new RequestJournal();
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final AtomicInteger answers = new AtomicInteger();
  private final AtomicInteger generatedToolCallIds = new AtomicInteger();
  private volatile Reply fallback;

  FakeModelServer(WireFormat wire) {
    this.wire = wire;
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
    }
    // One thread per request, so a delayed or slowly streamed reply never holds up another.
    workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fake-model-http-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    http.setExecutor(workers);
    http.createContext("/", this::handle);
    http.start();
  }

  /** Where the server listens, like {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Adds replies to the end of the queue; each chat request takes the one at its head. */
  public FakeModelServer enqueue(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** Sets the reply used whenever the queue is empty; null brings back the "no reply" error. */
  public FakeModelServer setDefault(Reply reply) {
    fallback = reply;
    return this;
  }

  /** How many enqueued replies no request has taken yet. */
  public int pendingReplies() {
    return script.size();
  }

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return journal.all();
  }

  /** The most recent request; fails the test when there was none. */
  public RecordedRequest lastRequest() {
    List<RecordedRequest> all = journal.all();
    if (all.isEmpty()) {
      throw new AssertionError("the fake model server at " + baseUrl() + " got no request");
    }
    return all.get(all.size() - 1);
  }

  /** Waits until at least {@code count} requests arrived and returns them all; fails on timeout. */
  public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
    try {
      return journal.await(count, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + count + " requests", e);
    }
  }

  /** Stops listening at once, cutting off any reply still being delayed or streamed. */
  @Override
  public void close() {
    http.stop(0);
    workers.shutdownNow();
  }

  void on(String method, String path, Endpoint endpoint) {
    endpoints.put(method + " " + path, endpoint);
  }

  /** Answers a chat request with the next scripted reply, in the provider's wire format. */
  void answerFromScript(RecordedRequest request, ResponseWriter out)
      throws IOException, InterruptedException {
    Reply reply = script.poll();
    if (reply == null) {
      reply = fallback;
    }
    if (reply == null) {
      String message =
          "%s: no reply was scripted for %s %s (request #%d); call enqueue(...) or setDefault(...)"
              .formatted(
                  getClass().getSimpleName(), request.method(), request.path(), journal.size());
      out.json(500, wire.error(500, "no_reply_scripted", message), Map.of());
      return;
    }
    Thread.sleep(reply.delay().toMillis());
    if (reply.isFailure()) {
      Failure failure = reply.failure();
      Map<String, String> headers =
          failure.retryAfterSeconds() == null
              ? Map.of()
              : Map.of("Retry-After", failure.retryAfterSeconds().toString());
      out.json(
          failure.status(),
          wire.error(failure.status(), failure.type(), failure.message()),
          headers);
      return;
    }
    Answer answer = answerFor(reply, request);
    boolean streams =
        reply.delivery() == Reply.Delivery.AS_REQUESTED && !request.json().has("stream")
            ? wire.streamsUnlessAsked()
            : reply.streamsFor(request);
    if (streams && wire.newlineDelimited()) {
      out.lines(wire.events(answer), reply.chunkDelay());
    } else if (streams) {
      out.events(wire.events(answer), reply.chunkDelay());
    } else {
      out.json(200, wire.message(answer), Map.of());
    }
  }

  private Answer answerFor(Reply reply, RecordedRequest request) {
    List<ToolCall> calls =
        reply.toolCalls().stream()
            .map(
                call ->
                    call.id() != null
                        ? call
                        : new ToolCall(
                            wire.toolCallId(generatedToolCallIds.incrementAndGet()),
                            call.name(),
                            call.argumentsJson()))
            .toList();
    Usage usage = reply.usage() != null ? reply.usage() : Usage.estimate(request, reply);
    return new Answer(
        wire.responseId(answers.incrementAndGet()),
        request.model().orElse("fake-model"),
        reply.textPieces(),
        calls,
        usage,
        request);
  }

  private void handle(HttpExchange exchange) {
    ResponseWriter out = new ResponseWriter(exchange);
    try {
      RecordedRequest request = read(exchange);
      journal.record(request);
      Endpoint endpoint = endpoints.get(request.method() + " " + request.path());
      if (endpoint == null) {
        String message =
            "%s has no endpoint %s %s"
                .formatted(getClass().getSimpleName(), request.method(), request.path());
        out.json(404, wire.error(404, null, message), Map.of());
      } else {
        endpoint.respond(request, out);
      }
    } catch (IOException e) {
      // The client hung up (say, it timed out during a scripted delay): nobody is left to answer.
    } catch (InterruptedException e) {
      // The server is closing; the exchange is cut off below.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      answerUnexpected(out, e);
    } finally {
      exchange.close();
    }
  }

  private void answerUnexpected(ResponseWriter out, RuntimeException e) {
    if (out.committed()) {
      return;
    }
    try {
      out.json(500, wire.error(500, null, "fake model server failed: " + e), Map.of());
    } catch (IOException ignored) {
      // The client hung up as well; the failure has nowhere to go.
    }
  }

  private static RecordedRequest read(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new RecordedRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders(),
        body,
        Json.parseLeniently(body),
        Instant.now());
  }
}
