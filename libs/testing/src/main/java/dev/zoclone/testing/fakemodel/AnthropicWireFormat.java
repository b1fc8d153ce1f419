package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Anthropic's Messages shapes: message bodies, the named streaming events and error bodies. */
final class AnthropicWireFormat implements WireFormat {

  @Override
  public String responseId(int n) {
    return "msg_fake_" + n;
  }

  @Override
  public String toolCallId(int n) {
    return "toolu_fake_" + n;
  }

  @Override
  public JsonNode message(Answer answer) {
    ObjectNode message = envelope(answer);
    ArrayNode content = message.putArray("content");
    if (answer.hasText() || answer.toolCalls().isEmpty()) {
      content.addObject().put("type", "text").put("text", answer.text());
    }
    for (ToolCall call : answer.toolCalls()) {
      ObjectNode block = content.addObject().put("type", "tool_use").put("id", call.id());
      block
          .put("name", call.name())
          .set("input", Json.parseStrictly(call.argumentsJson(), "input"));
    }
    message.put("stop_reason", stopReason(answer)).putNull("stop_sequence");
    message.set("usage", usage(answer.usage().inputTokens(), answer.usage().outputTokens()));
    return message;
  }

  @Override
  public List<SseEvent> events(Answer answer) {
    List<SseEvent> events = new ArrayList<>();
    ObjectNode start = envelope(answer);
    start.putArray("content");
    start.putNull("stop_reason").putNull("stop_sequence");
    start.set("usage", usage(answer.usage().inputTokens(), 1));
    events.add(event("message_start", Json.object().set("message", start)));
    int index = 0;
    if (answer.hasText() || answer.toolCalls().isEmpty()) {
      ObjectNode block = Json.object().put("type", "text").put("text", "");
      events.add(blockStart(index, block));
      for (String piece : answer.textPieces()) {
        events.add(blockDelta(index, Json.object().put("type", "text_delta").put("text", piece)));
      }
      events.add(blockStop(index++));
    }
    for (ToolCall call : answer.toolCalls()) {
      ObjectNode block = Json.object().put("type", "tool_use").put("id", call.id());
      block.put("name", call.name()).putObject("input");
      events.add(blockStart(index, block));
      for (String part : call.argumentPieces()) {
        ObjectNode delta = Json.object().put("type", "input_json_delta").put("partial_json", part);
        events.add(blockDelta(index, delta));
      }
      events.add(blockStop(index++));
    }
    ObjectNode messageDelta = Json.object();
    messageDelta.putObject("delta").put("stop_reason", stopReason(answer)).putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", answer.usage().outputTokens());
    events.add(event("message_delta", messageDelta));
    events.add(event("message_stop", Json.object()));
    return events;
  }

  @Override
  public JsonNode error(int status, String type, String message) {
    ObjectNode body = Json.object().put("type", "error");
    body.putObject("error")
        .put("type", type != null ? type : typeFor(status))
        .put("message", message);
    return body;
  }

  private static String typeFor(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }

  private static String stopReason(Answer answer) {
    return answer.toolCalls().isEmpty() ? "end_turn" : "tool_use";
  }

  private static ObjectNode envelope(Answer answer) {
    return Json.object()
        .put("id", answer.id())
        .put("type", "message")
        .put("role", "assistant")
        .put("model", answer.model());
  }

  private static JsonNode usage(int inputTokens, int outputTokens) {
    return Json.object().put("input_tokens", inputTokens).put("output_tokens", outputTokens);
  }

  /** Named events repeat their name as {@code type} in the data, as Anthropic's do. */
  private static SseEvent event(String name, ObjectNode data) {
    ObjectNode typed = Json.object().put("type", name);
    typed.setAll(data);
    return SseEvent.named(name, typed);
  }

  private static SseEvent blockStart(int index, ObjectNode block) {
    ObjectNode data = Json.object().put("index", index);
    data.set("content_block", block);
    return event("content_block_start", data);
  }

  private static SseEvent blockDelta(int index, ObjectNode delta) {
    ObjectNode data = Json.object().put("index", index);
    data.set("delta", delta);
    return event("content_block_delta", data);
  }

  private static SseEvent blockStop(int index) {
    return event("content_block_stop", Json.object().put("index", index));
  }
}
