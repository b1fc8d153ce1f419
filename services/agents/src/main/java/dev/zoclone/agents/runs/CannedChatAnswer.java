package dev.zoclone.agents.runs;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A provider client that answers every blocking chat with one OpenAI chat completion, without the
 * network: the warm-up's model reads it as a provider's answer, so the first runs after a start
 * find the answer's JSON mapping built.
 */
final class CannedChatAnswer implements HttpClient {
  static final String BODY =
      """
      {"id":"chatcmpl-warm-up","object":"chat.completion","created":1700000000,"model":"warm-up",
       "choices":[{"index":0,"message":{"role":"assistant","content":"warm"},
                   "finish_reason":"stop"}],
       "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
      """;

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    return SuccessfulHttpResponse.builder()
        .statusCode(200)
        .headers(Map.of("content-type", List.of("application/json")))
        .body(BODY)
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("the warm-up does not stream");
  }

  /** Builds the one client; its timeouts mean nothing without a network. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout = Duration.ZERO;
    private Duration readTimeout = Duration.ZERO;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      readTimeout = timeout;
      return this;
    }

    @Override
    public CannedChatAnswer build() {
      return new CannedChatAnswer();
    }
  }
}
