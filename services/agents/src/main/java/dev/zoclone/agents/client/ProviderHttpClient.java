package dev.zoclone.agents.client;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.zoclone.platform.egress.EgressPolicy;
import dev.zoclone.platform.egress.EgressRefusedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP client LangChain4j's models use to reach providers. It keeps the provider's {@code
 * Retry-After} on failures (LangChain4j's own JDK client drops response headers), and every call
 * closes its connection to the provider when the calling thread is interrupted, so cancelling an
 * agent or an ask really stops the model call.
 *
 * <p>Every call's URL is checked against the platform's {@link EgressPolicy} first, and redirects
 * are not followed. Every call has one deadline for the whole exchange, the answer's body included:
 * a provider that sends its headers and then trickles the body is cut off when the deadline passes
 * (the JDK client's request timeout only covers the headers). A blocking answer's body is read up
 * to a bound, and a provider's error body reaches the user only as a short excerpt.
 *
 * <p>Unlike LangChain4j's JDK client, a streaming call runs on the caller's thread: the events
 * reach the listener there and the call returns when the stream ended. That is what lets an
 * interrupt, or a {@code StreamingHandle} cancelled from a token callback, close the stream.
 */
public final class ProviderHttpClient implements HttpClient {
  private static final java.net.http.HttpClient SHARED =
      java.net.http.HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build();

  /** Closes the bodies of calls past their deadline. */
  private static final ScheduledExecutorService CUTOFFS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "provider-deadlines");
            t.setDaemon(true);
            return t;
          });

  /** The largest blocking answer read from a provider. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** Characters of a provider's error body that reach the user, at most. */
  static final int ERROR_EXCERPT_CHARS = 200;

  private final Duration headTimeout;
  private final Duration deadline;
  private final EgressPolicy egress;

  private ProviderHttpClient(Duration headTimeout, Duration deadline, EgressPolicy egress) {
    this.headTimeout = headTimeout;
    this.deadline = deadline;
    this.egress = egress;
  }

  /** A provider's error answer, with the wait it asked for before a retry (may be null). */
  public static final class ProviderHttpException extends HttpException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public ProviderHttpException(int status, String body, Duration retryAfter) {
      super(status, excerpt(body));
      this.retryAfter = retryAfter;
    }

    /** The provider's {@code Retry-After}, or null. */
    public Duration retryAfter() {
      return retryAfter;
    }
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    long end = System.nanoTime() + deadline.toNanos();
    java.net.http.HttpResponse<InputStream> response = send(request, end);
    String body;
    try (DeadlineBody in = DeadlineBody.until(end, response.body())) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IllegalStateException(
            "the provider's answer is larger than " + MAX_BODY_BYTES + " bytes");
      }
      body = new String(bytes, StandardCharsets.UTF_8);
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new IllegalStateException("provider answer unreadable: " + e.getMessage(), e);
    }
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw failure(response, body);
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(body)
        .build();
  }

  /**
   * Streams on the caller's thread and returns when the stream ended, failed, was cancelled or ran
   * past the deadline; closing the body (on any of these, or on an interrupt while reading) closes
   * the connection.
   */
  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    long end = System.nanoTime() + deadline.toNanos();
    java.net.http.HttpResponse<InputStream> response;
    try {
      response = send(request, end);
    } catch (RuntimeException e) {
      listener.onError(e);
      return;
    }
    try (DeadlineBody body = DeadlineBody.until(end, response.body())) {
      if (response.statusCode() < 200 || response.statusCode() >= 300) {
        byte[] excerpt = body.readNBytes(ERROR_EXCERPT_CHARS * 4);
        listener.onError(failure(response, new String(excerpt, StandardCharsets.UTF_8)));
        return;
      }
      listener.onOpen(
          SuccessfulHttpResponse.builder()
              .statusCode(response.statusCode())
              .headers(response.headers().map())
              .build());
      // A read past the deadline fails with an HttpTimeoutException, which the parser hands on.
      parser.parse(body, listener);
      if (body.expired()) {
        return;
      }
      if (Thread.currentThread().isInterrupted()) {
        listener.onError(new IllegalStateException("provider call cancelled"));
        return;
      }
      listener.onClose();
    } catch (HttpTimeoutException e) {
      listener.onError(new TimeoutException(e));
    } catch (IOException e) {
      listener.onError(new IllegalStateException("provider stream failed: " + e.getMessage(), e));
    }
  }

  /**
   * Sends and waits for the response's head until {@code end} (nanoTime); an interrupt cancels the
   * exchange, which closes its connection.
   */
  private java.net.http.HttpResponse<InputStream> send(HttpRequest request, long end) {
    URI url = URI.create(request.url());
    try {
      // Checked at every call: the host's addresses may have changed since the key was stored.
      egress.check(url);
    } catch (EgressRefusedException e) {
      throw new IllegalStateException("provider URL refused: " + e.getMessage(), e);
    }
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(url).timeout(headTimeout);
    request
        .headers()
        .forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    String body = request.body();
    builder.method(
        request.method().name(),
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    CompletableFuture<java.net.http.HttpResponse<InputStream>> pending =
        SHARED.sendAsync(builder.build(), BodyHandlers.ofInputStream());
    try {
      return pending.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("provider call cancelled", e);
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new TimeoutException(
          "no answer from the provider within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException timeout) {
        throw new TimeoutException(
            "no answer from " + ProviderUnreachable.withoutQuery(request.url()) + " in time",
            timeout);
      }
      if (e.getCause() instanceof IOException) {
        throw new ProviderUnreachable(request.url(), e.getCause());
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * A response body that is closed when its call's deadline passes, which ends any read of it; a
   * read that failed or ended for that reason throws {@link HttpTimeoutException} instead.
   */
  private static final class DeadlineBody extends FilterInputStream {
    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> alarm;

    private DeadlineBody(long end, InputStream body) {
      super(body);
      this.alarm =
          CUTOFFS.schedule(
              this::expire, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    static DeadlineBody until(long end, InputStream body) {
      return new DeadlineBody(end, body);
    }

    boolean expired() {
      return expired.get();
    }

    private void expire() {
      expired.set(true);
      try {
        in.close();
      } catch (IOException e) {
        // closing is all the deadline does; a failure to close leaves nothing to undo
      }
    }

    @Override
    public int read() throws IOException {
      try {
        return checked(super.read());
      } catch (IOException e) {
        throw timeoutOr(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return checked(super.read(b, off, len));
      } catch (IOException e) {
        throw timeoutOr(e);
      }
    }

    private int checked(int read) throws HttpTimeoutException {
      if (read < 0 && expired.get()) {
        throw timeout();
      }
      return read;
    }

    private IOException timeoutOr(IOException e) {
      return expired.get() ? timeout() : e;
    }

    private static HttpTimeoutException timeout() {
      return new HttpTimeoutException("the provider's answer did not end within its deadline");
    }

    @Override
    public void close() throws IOException {
      alarm.cancel(false);
      super.close();
    }
  }

  private static ProviderHttpException failure(
      java.net.http.HttpResponse<?> response, String body) {
    return new ProviderHttpException(
        response.statusCode(),
        body,
        retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
  }

  /**
   * At most {@link #ERROR_EXCERPT_CHARS} characters of a provider's error body, on one line and
   * without control characters, so a provider cannot echo a page or forge lines back to the user.
   */
  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
    int cut = Math.min(flat.length(), ERROR_EXCERPT_CHARS);
    if (cut > 0 && Character.isHighSurrogate(flat.charAt(cut - 1))) {
      cut--;
    }
    return cut < flat.length() ? flat.substring(0, cut) + "..." : flat;
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Builds {@link ProviderHttpClient}s for LangChain4j's model builders. */
  public static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration deadline;
    private EgressPolicy egress = new EgressPolicy(false);

    /**
     * The egress policy every call's URL is checked against (refusing private addresses if unset).
     */
    public Builder egress(EgressPolicy egress) {
      this.egress = egress;
      return this;
    }

    /** The whole call's deadline, body included; the read timeout when not set. */
    public Builder deadline(Duration deadline) {
      this.deadline = deadline;
      return this;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      if (timeout != null) {
        this.connectTimeout = timeout;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      if (timeout != null) {
        this.readTimeout = timeout;
      }
      return this;
    }

    @Override
    public ProviderHttpClient build() {
      return new ProviderHttpClient(readTimeout, deadline != null ? deadline : readTimeout, egress);
    }
  }
}
