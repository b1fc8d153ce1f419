package dev.zoclone.testing.fakemodel;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared plumbing of the fake model servers: a real HTTP/1.1 server on 127.0.0.1 and an
 * ephemeral port that records every request, answers chat requests from a queue of scripted
 * replies, and notes every client that closed its connection before its answer was complete.
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
  private final Vertx vertx;
  private final HttpServer http;
  private final ExecutorService workers;
  private final RequestJournal journal = new RequestJournal();
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final AtomicInteger answers = new AtomicInteger();
  private final AtomicInteger generatedToolCallIds = new AtomicInteger();
  private volatile Reply fallback;
  private volatile boolean closing;

  FakeModelServer(WireFormat wire) {
    this.wire = wire;
    // Vert.x rather than the JDK's HttpServer: it tells when a client closes its connection in the
    // middle of an answer (even during a scripted delay), which the journal records.
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    // One thread per request, so a delayed or slowly streamed reply never holds up another.
    workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fake-model-http-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    http =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setHttp2ClearTextEnabled(false)
                .setHandle100ContinueAutomatically(true));
    http.requestHandler(this::handle);
    try {
      http.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      throw new UncheckedIOException(
          new IOException("cannot open a port on 127.0.0.1", e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vertx.close();
      throw new IllegalStateException("interrupted while opening a port", e);
    }
  }

  /** Where the server listens, like {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + http.actualPort();
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

  /**
   * Every answer a client hung up on before it was complete, oldest first (closing the server
   * itself records none).
   */
  public List<Disconnect> disconnects() {
    return journal.disconnects();
  }

  /**
   * Waits until clients hung up on at least {@code count} answers and returns every disconnect so
   * far; fails on timeout.
   */
  public List<Disconnect> awaitDisconnects(int count, Duration timeout) {
    try {
      return journal.awaitDisconnects(count, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + count + " disconnects", e);
    }
  }

  /** Stops listening at once, cutting off any reply still being delayed or streamed. */
  @Override
  public void close() {
    closing = true;
    workers.shutdownNow();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort: the daemon threads die with the JVM.
    }
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

  private void handle(HttpServerRequest http) {
    Instant receivedAt = Instant.now();
    AtomicReference<RecordedRequest> recorded = new AtomicReference<>();
    InFlight inFlight = new InFlight();
    // Vert.x calls this only when the connection closes before the answer has ended.
    http.response()
        .closeHandler(
            closed -> {
              if (!closing && recorded.get() != null) {
                journal.disconnected(new Disconnect(recorded.get(), Instant.now()));
              }
              inFlight.interrupt();
            });
    http.body()
        .onSuccess(
            body -> {
              RecordedRequest request = read(http, body, receivedAt);
              recorded.set(request);
              journal.record(request);
              workers.execute(
                  () -> {
                    inFlight.start();
                    try {
                      respond(request, new ResponseWriter(http.response()));
                    } finally {
                      inFlight.end();
                    }
                  });
            })
        .onFailure(failure -> http.connection().close());
  }

  /** The worker thread answering one request, interrupted when its client hangs up. */
  private static final class InFlight {
    private Thread worker;
    private boolean hungUp;

    synchronized void start() {
      worker = Thread.currentThread();
      if (hungUp) {
        worker.interrupt();
      }
    }

    synchronized void interrupt() {
      hungUp = true;
      if (worker != null) {
        // Stops a scripted delay or a paced stream that nobody is waiting for any more.
        worker.interrupt();
      }
    }

    synchronized void end() {
      worker = null;
      // Clears an interrupt that arrived after the answer, so the pooled thread starts clean.
      Thread.interrupted();
    }
  }

  private void respond(RecordedRequest request, ResponseWriter out) {
    try {
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
      // The client hung up during a delay, or the server is closing: nobody is left to answer.
    } catch (RuntimeException e) {
      answerUnexpected(out, e);
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

  private static RecordedRequest read(HttpServerRequest http, Buffer body, Instant receivedAt) {
    String text = body.toString(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    http.headers()
        .forEach(
            header ->
                headers
                    .computeIfAbsent(header.getKey(), k -> new ArrayList<>())
                    .add(header.getValue()));
    return new RecordedRequest(
        http.method().name(), http.path(), headers, text, Json.parseLeniently(text), receivedAt);
  }
}
