package dev.zoclone.testing.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's {@code /api/chat} shapes: one JSON object per answer, or a stream of newline-delimited
 * JSON chunks ending with one that says {@code "done": true} and carries the token counts; tool
 * calls carry their arguments as a JSON object and no id; errors are {@code {"error": "..."}}.
 */
final class OllamaWireFormat implements WireFormat {

  @Override
  public String responseId(int n) {
    return "ollama-fake-" + n;
  }

  @Override
  public String toolCallId(int n) {
    return "ollama_call_" + n;
  }

  @Override
  public boolean newlineDelimited() {
    return true;
  }

  @Override
  public boolean streamsUnlessAsked() {
    return true;
  }

  @Override
  public JsonNode message(Answer answer) {
    ObjectNode body = chunk(answer);
    ObjectNode message = body.putObject("message").put("role", "assistant");
    message.put("content", answer.text());
    if (!answer.toolCalls().isEmpty()) {
      message.set("tool_calls", toolCalls(answer.toolCalls()));
    }
    return done(body, answer);
  }

  @Override
  public List<SseEvent> events(Answer answer) {
    List<SseEvent> events = new ArrayList<>();
    for (String piece : answer.textPieces()) {
      ObjectNode chunk = chunk(answer);
      chunk.putObject("message").put("role", "assistant").put("content", piece);
      events.add(SseEvent.data(chunk.put("done", false)));
    }
    if (!answer.toolCalls().isEmpty()) {
      ObjectNode chunk = chunk(answer);
      ObjectNode message = chunk.putObject("message").put("role", "assistant").put("content", "");
      message.set("tool_calls", toolCalls(answer.toolCalls()));
      events.add(SseEvent.data(chunk.put("done", false)));
    }
    ObjectNode last = chunk(answer);
    last.putObject("message").put("role", "assistant").put("content", "");
    events.add(SseEvent.data(done(last, answer)));
    return events;
  }

  @Override
  public JsonNode error(int status, String type, String message) {
    return Json.object().put("error", message);
  }

  private static ObjectNode chunk(Answer answer) {
    return Json.object()
        .put("model", answer.model())
        .put("created_at", answer.request().receivedAt().toString());
  }

  private static ObjectNode done(ObjectNode body, Answer answer) {
    return body.put("done_reason", answer.toolCalls().isEmpty() ? "stop" : "tool_calls")
        .put("done", true)
        .put("total_duration", 1_000_000L)
        .put("prompt_eval_count", answer.usage().inputTokens())
        .put("eval_count", answer.usage().outputTokens());
  }

  private static ArrayNode toolCalls(List<ToolCall> calls) {
    ArrayNode array = Json.array();
    for (int index = 0; index < calls.size(); index++) {
      ToolCall call = calls.get(index);
      ObjectNode function = array.addObject().putObject("function");
      function.put("index", index).put("name", call.name());
      function.set("arguments", Json.parseStrictly(call.argumentsJson(), call.name()));
    }
    return array;
  }
}
