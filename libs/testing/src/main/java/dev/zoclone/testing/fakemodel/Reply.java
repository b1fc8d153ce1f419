package dev.zoclone.testing.fakemodel;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One scripted answer of a fake model server, provider-neutral: text (in the pieces it streams as),
 * tool calls, or an HTTP failure, with how and when to deliver it.
 *
 * <p>Build one with the static factories and refine it with the fluent methods, each of which
 * returns a new reply: {@code Reply.stream("He", "llo").chunkDelay(Duration.ofMillis(50))}.
 */
public record Reply(
    List<String> textPieces,
    List<ToolCall> toolCalls,
    Failure failure,
    Delivery delivery,
    Duration delay,
    Duration chunkDelay,
    Usage usage) {

  /** Whether a reply goes out as one JSON body or as server-sent events. */
  public enum Delivery {
    /** Streamed when the request says {@code "stream": true}, else one JSON body. */
    AS_REQUESTED,
    /** Always one JSON body. */
    PLAIN,
    /** Always server-sent events. */
    STREAMED
  }

  public Reply {
    textPieces = List.copyOf(textPieces);
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(chunkDelay, "chunkDelay");
    if (failure != null && (!textPieces.isEmpty() || !toolCalls.isEmpty())) {
      throw new IllegalArgumentException("a failure reply carries no text or tool calls");
    }
    if (delay.isNegative() || chunkDelay.isNegative()) {
      throw new IllegalArgumentException("delays cannot be negative");
    }
  }

  /** The assistant says {@code text}; streamed word by word when streamed. */
  public static Reply text(String text) {
    return textIn(List.of(text.split("(?<=\\s)(?=\\S)")), Delivery.AS_REQUESTED);
  }

  /** The assistant says the pieces joined, always streamed, one delta event per piece. */
  public static Reply stream(String... pieces) {
    return textIn(List.of(pieces), Delivery.STREAMED);
  }

  /** The assistant calls one function, with {@code argumentsJson} a JSON object. */
  public static Reply toolCall(String name, String argumentsJson) {
    return toolCalls(ToolCall.of(name, argumentsJson));
  }

  /** The assistant calls these functions in one turn. */
  public static Reply toolCalls(ToolCall... calls) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("name at least one tool call");
    }
    return new Reply(
        List.of(),
        Arrays.asList(calls),
        null,
        Delivery.AS_REQUESTED,
        Duration.ZERO,
        Duration.ZERO,
        null);
  }

  /** The server answers {@code status} with an error body in the provider's shape. */
  public static Reply error(int status, String message) {
    return new Reply(
        List.of(),
        List.of(),
        new Failure(status, null, message, null),
        Delivery.PLAIN,
        Duration.ZERO,
        Duration.ZERO,
        null);
  }

  private static Reply textIn(List<String> pieces, Delivery delivery) {
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("name at least one piece of text");
    }
    return new Reply(pieces, List.of(), null, delivery, Duration.ZERO, Duration.ZERO, null);
  }

  /** Waits this long after the request arrives before answering anything. */
  public Reply delay(Duration delay) {
    return new Reply(textPieces, toolCalls, failure, delivery, delay, chunkDelay, usage);
  }

  /** Waits this long between consecutive server-sent events of a streamed reply. */
  public Reply chunkDelay(Duration chunkDelay) {
    return new Reply(textPieces, toolCalls, failure, delivery, delay, chunkDelay, usage);
  }

  /** Reports these token counts instead of the rough estimate. */
  public Reply usage(Usage usage) {
    return new Reply(textPieces, toolCalls, failure, delivery, delay, chunkDelay, usage);
  }

  /** Reports these token counts instead of the rough estimate. */
  public Reply usage(int inputTokens, int outputTokens) {
    return usage(Usage.of(inputTokens, outputTokens));
  }

  /** Streams the reply whatever the request asked for. */
  public Reply streamed() {
    return deliver(Delivery.STREAMED);
  }

  /** Answers one JSON body whatever the request asked for. */
  public Reply plain() {
    return deliver(Delivery.PLAIN);
  }

  /** Lets the request's {@code stream} flag decide between streamed and plain. */
  public Reply asRequested() {
    return deliver(Delivery.AS_REQUESTED);
  }

  /** Adds text the assistant says before its tool calls (or replaces the text it says). */
  public Reply withText(String text) {
    requireNoFailure("text");
    return new Reply(
        Reply.text(text).textPieces, toolCalls, null, delivery, delay, chunkDelay, usage);
  }

  /** Sends a {@code Retry-After} header with this many seconds along with the error. */
  public Reply retryAfterSeconds(int seconds) {
    Failure current = requireFailure("retryAfterSeconds");
    return withFailure(new Failure(current.status(), current.type(), current.message(), seconds));
  }

  /** Uses this error type instead of the provider's usual type for the status. */
  public Reply errorType(String type) {
    Failure current = requireFailure("errorType");
    return withFailure(
        new Failure(current.status(), type, current.message(), current.retryAfterSeconds()));
  }

  /** The whole text the assistant says, the pieces joined. */
  public String text() {
    return String.join("", textPieces);
  }

  boolean isFailure() {
    return failure != null;
  }

  boolean streamsFor(RecordedRequest request) {
    return switch (delivery) {
      case STREAMED -> true;
      case PLAIN -> false;
      case AS_REQUESTED -> request.json().path("stream").asBoolean(false);
    };
  }

  private Reply deliver(Delivery newDelivery) {
    return new Reply(textPieces, toolCalls, failure, newDelivery, delay, chunkDelay, usage);
  }

  private Reply withFailure(Failure newFailure) {
    return new Reply(textPieces, toolCalls, newFailure, delivery, delay, chunkDelay, usage);
  }

  private Failure requireFailure(String setting) {
    if (failure == null) {
      throw new IllegalStateException(setting + " applies to Reply.error(...) only");
    }
    return failure;
  }

  private void requireNoFailure(String setting) {
    if (failure != null) {
      throw new IllegalStateException(setting + " does not apply to Reply.error(...)");
    }
  }
}
