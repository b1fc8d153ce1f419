package dev.zoclone.agents.client;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP client LangChain4j's models use to reach providers. It keeps the provider's {@code
 * Retry-After} on failures (LangChain4j's own JDK client drops response headers), and every call
 * closes its connection to the provider when the calling thread is interrupted, so cancelling an
 * agent or an ask really stops the model call.
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

  private final Duration readTimeout;

  private ProviderHttpClient(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** A provider's error answer, with the wait it asked for before a retry (may be null). */
  public static final class ProviderHttpException extends HttpException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public ProviderHttpException(int status, String body, Duration retryAfter) {
      super(status, body);
      this.retryAfter = retryAfter;
    }

    /** The provider's {@code Retry-After}, or null. */
    public Duration retryAfter() {
      return retryAfter;
    }
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpResponse<String> response = send(request, BodyHandlers.ofString());
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw failure(response, response.body());
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  /**
   * Streams on the caller's thread and returns when the stream ended, failed or was cancelled;
   * closing the body (on any of these, or on an interrupt while reading) closes the connection.
   */
  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    java.net.http.HttpResponse<InputStream> response;
    try {
      response = send(request, BodyHandlers.ofInputStream());
    } catch (RuntimeException e) {
      listener.onError(e);
      return;
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() < 200 || response.statusCode() >= 300) {
        listener.onError(
            failure(response, new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        return;
      }
      listener.onOpen(
          SuccessfulHttpResponse.builder()
              .statusCode(response.statusCode())
              .headers(response.headers().map())
              .build());
      parser.parse(body, listener);
      if (Thread.currentThread().isInterrupted()) {
        listener.onError(new IllegalStateException("provider call cancelled"));
        return;
      }
      listener.onClose();
    } catch (IOException e) {
      listener.onError(new IllegalStateException("provider stream failed: " + e.getMessage(), e));
    }
  }

  /**
   * Sends and waits for the response's head; an interrupt cancels the exchange, which closes its
   * connection.
   */
  private <T> java.net.http.HttpResponse<T> send(
      HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler) {
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
    request
        .headers()
        .forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    String body = request.body();
    builder.method(
        request.method().name(),
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    CompletableFuture<java.net.http.HttpResponse<T>> pending =
        SHARED.sendAsync(builder.build(), handler);
    try {
      return pending.get();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("provider call cancelled", e);
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

  private static ProviderHttpException failure(
      java.net.http.HttpResponse<?> response, String body) {
    return new ProviderHttpException(
        response.statusCode(),
        body,
        retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
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
      return new ProviderHttpClient(readTimeout);
    }
  }
}
