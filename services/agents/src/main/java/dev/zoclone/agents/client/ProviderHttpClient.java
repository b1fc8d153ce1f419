package dev.zoclone.agents.client;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP client LangChain4j's models use to reach providers. It keeps the provider's {@code
 * Retry-After} on failures (LangChain4j's own JDK client drops response headers), and a blocking
 * call stops the HTTP exchange when its thread is interrupted, so cancelling an agent really stops
 * the model call.
 */
public final class ProviderHttpClient implements HttpClient {
  private static final java.net.http.HttpClient SHARED =
      java.net.http.HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build();

  private final Duration readTimeout;
  private final JdkHttpClient streaming;

  private ProviderHttpClient(Duration readTimeout) {
    this.readTimeout = readTimeout;
    this.streaming =
        new JdkHttpClientBuilder()
            .httpClientBuilder(
                java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(readTimeout)
            .build();
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
    CompletableFuture<java.net.http.HttpResponse<String>> pending =
        SHARED.sendAsync(builder.build(), BodyHandlers.ofString());
    java.net.http.HttpResponse<String> response;
    try {
      response = pending.get();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("provider call cancelled", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException timeout) {
        throw new TimeoutException(timeout);
      }
      if (e.getCause() instanceof InterruptedIOException || e.getCause() instanceof IOException) {
        throw new IllegalStateException("provider unreachable: " + e.getCause().getMessage(), e);
      }
      throw new IllegalStateException(e.getCause());
    }
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new ProviderHttpException(
          response.statusCode(),
          response.body(),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    streaming.execute(request, parser, listener);
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
