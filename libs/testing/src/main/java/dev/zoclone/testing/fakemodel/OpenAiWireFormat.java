package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** OpenAI's Chat Completions shapes: chat.completion, chat.completion.chunk and error bodies. */
final class OpenAiWireFormat implements WireFormat {

  @Override
  public String responseId(int n) {
    return "chatcmpl-fake-" + n;
  }

  @Override
  public String toolCallId(int n) {
    return "call_fake_" + n;
  }

  @Override
  public JsonNode message(Answer answer) {
    ObjectNode message = Json.object().put("role", "assistant");
    if (answer.hasText() || answer.toolCalls().isEmpty()) {
      message.put("content", answer.text());
    } else {
      message.putNull("content");
    }
    if (!answer.toolCalls().isEmpty()) {
      ArrayNode calls = message.putArray("tool_calls");
      answer.toolCalls().forEach(call -> calls.add(toolCall(call)));
    }
    message.putNull("refusal");
    ObjectNode completion = envelope(answer, "chat.completion");
    ObjectNode choice = completion.putArray("choices").addObject();
    choice.put("index", 0).set("message", message);
    choice.putNull("logprobs").put("finish_reason", finishReason(answer));
    completion.set("usage", usage(answer.usage()));
    return completion;
  }

  @Override
  public List<SseEvent> events(Answer answer) {
    List<SseEvent> events = new ArrayList<>();
    events.add(chunk(answer, Json.object().put("role", "assistant").put("content", ""), null));
    if (answer.hasText()) {
      for (String piece : answer.textPieces()) {
        events.add(chunk(answer, Json.object().put("content", piece), null));
      }
    }
    List<ToolCall> calls = answer.toolCalls();
    for (int index = 0; index < calls.size(); index++) {
      ToolCall call = calls.get(index);
      ObjectNode start = Json.object().put("index", index).put("id", call.id());
      start.put("type", "function");
      start.putObject("function").put("name", call.name()).put("arguments", "");
      events.add(chunk(answer, toolCallsDelta(start), null));
      for (String part : call.argumentPieces()) {
        ObjectNode more = Json.object().put("index", index);
        more.putObject("function").put("arguments", part);
        events.add(chunk(answer, toolCallsDelta(more), null));
      }
    }
    events.add(chunk(answer, Json.object(), finishReason(answer)));
    if (answer.request().json().path("stream_options").path("include_usage").asBoolean(false)) {
      ObjectNode usageChunk = envelope(answer, "chat.completion.chunk");
      usageChunk.putArray("choices");
      usageChunk.set("usage", usage(answer.usage()));
      events.add(SseEvent.data(usageChunk));
    }
    events.add(new SseEvent(null, "[DONE]"));
    return events;
  }

  @Override
  public JsonNode error(int status, String type, String message) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error").put("message", message);
    error.put("type", type != null ? type : typeFor(status)).putNull("param");
    if (status == 429) {
      error.put("code", "rate_limit_exceeded");
    } else {
      error.putNull("code");
    }
    return body;
  }

  static JsonNode usage(Usage usage) {
    return Json.object()
        .put("prompt_tokens", usage.inputTokens())
        .put("completion_tokens", usage.outputTokens())
        .put("total_tokens", usage.totalTokens());
  }

  private static String typeFor(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  private static String finishReason(Answer answer) {
    return answer.toolCalls().isEmpty() ? "stop" : "tool_calls";
  }

  private static ObjectNode envelope(Answer answer, String object) {
    return Json.object()
        .put("id", answer.id())
        .put("object", object)
        .put("created", answer.request().receivedAt().getEpochSecond())
        .put("model", answer.model())
        .put("system_fingerprint", "fp_fake");
  }

  private static SseEvent chunk(Answer answer, ObjectNode delta, String finishReason) {
    ObjectNode chunk = envelope(answer, "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs").put("finish_reason", finishReason);
    return SseEvent.data(chunk);
  }

  private static ObjectNode toolCallsDelta(ObjectNode toolCall) {
    ObjectNode delta = Json.object();
    delta.putArray("tool_calls").add(toolCall);
    return delta;
  }

  private static ObjectNode toolCall(ToolCall call) {
    ObjectNode node = Json.object().put("id", call.id()).put("type", "function");
    node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
    return node;
  }
}
