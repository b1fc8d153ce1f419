package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How one provider's API spells answers, streams and errors on the wire. */
interface WireFormat {

  /** The response id for the {@code n}th answer, like {@code chatcmpl-fake-1}. */
  String responseId(int n);

  /** The id for the {@code n}th tool call that had none scripted, like {@code call_fake_1}. */
  String toolCallId(int n);

  /** The whole answer as one JSON body. */
  JsonNode message(Answer answer);

  /** The answer as the provider's server-sent events, in order. */
  List<SseEvent> events(Answer answer);

  /** Whether a stream is newline-delimited JSON (Ollama) instead of server-sent events. */
  default boolean newlineDelimited() {
    return false;
  }

  /** Whether a request that does not say {@code "stream"} gets a stream (Ollama's default). */
  default boolean streamsUnlessAsked() {
    return false;
  }

  /** An error body; {@code type} is null when the provider's usual type for status applies. */
  JsonNode error(int status, String type, String message);
}
