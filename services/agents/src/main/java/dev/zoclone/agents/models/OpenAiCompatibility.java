package dev.zoclone.agents.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.zoclone.agents.models.ModelCaller.Answer;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * OpenAI's chat completions protocol over the caller's own keys: {@code model} is a ZoClone model
 * name ({@code <key name>:<model>}); messages, tools and tool calls pass through.
 */
@ApplicationScoped
public class OpenAiCompatibility {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ModelCaller models;

  public OpenAiCompatibility(ModelCaller models) {
    this.models = models;
  }

  /** Answers a chat completion request with one {@code chat.completion} object. */
  public ObjectNode complete(String owner, JsonNode body) {
    ChatRequest request = toRequest(body);
    String model = body.path("model").asText();
    Answer answer = models.chat(owner, List.of(model), request);
    return completion(answer.response(), model);
  }

  /** Streams a chat completion: each chunk object goes to {@code onChunk} as it is ready. */
  public void stream(String owner, JsonNode body, Consumer<ObjectNode> onChunk) {
    ChatRequest request = toRequest(body);
    String model = body.path("model").asText();
    String id = "chatcmpl-" + UUID.randomUUID();
    Answer answer =
        models.stream(
            owner, List.of(model), request, piece -> onChunk.accept(chunk(id, model, piece, null)));
    ObjectNode last = chunk(id, model, null, finishReason(answer.response()));
    if (answer.response().aiMessage().hasToolExecutionRequests()) {
      ((ObjectNode) last.path("choices").get(0).path("delta"))
          .set("tool_calls", toolCalls(answer.response().aiMessage()));
    }
    onChunk.accept(last);
  }

  private ChatRequest toRequest(JsonNode body) {
    if (body == null || !body.path("model").isTextual()) {
      throw ProblemException.badRequest("model", "is required, as <key name>:<model>");
    }
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw ProblemException.badRequest("messages", "name at least one message");
    }
    List<ChatMessage> chat = new ArrayList<>();
    for (JsonNode m : messages) {
      String role = m.path("role").asText();
      String content = content(m.path("content"));
      switch (role) {
        case "system", "developer" -> chat.add(SystemMessage.from(content));
        case "user" -> chat.add(UserMessage.from(content));
        case "assistant" -> chat.add(assistant(m, content));
        case "tool" ->
            chat.add(
                ToolExecutionResultMessage.from(
                    m.path("tool_call_id").asText(), m.path("name").asText(""), content));
        default -> throw ProblemException.badRequest("messages", "unknown role '" + role + "'");
      }
    }
    ChatRequest.Builder builder = ChatRequest.builder().messages(chat);
    if (body.path("tools").isArray() && !body.path("tools").isEmpty()) {
      List<ToolSpecification> tools = new ArrayList<>();
      for (JsonNode tool : body.path("tools")) {
        tools.add(tool(tool.path("function")));
      }
      builder.toolSpecifications(tools);
    }
    if (body.path("max_tokens").isInt()) {
      builder.maxOutputTokens(body.path("max_tokens").asInt());
    }
    if (body.path("temperature").isNumber()) {
      builder.temperature(body.path("temperature").asDouble());
    }
    return builder.build();
  }

  private static AiMessage assistant(JsonNode m, String content) {
    JsonNode calls = m.path("tool_calls");
    if (!calls.isArray() || calls.isEmpty()) {
      return AiMessage.from(content);
    }
    List<ToolExecutionRequest> requests = new ArrayList<>();
    for (JsonNode call : calls) {
      requests.add(
          ToolExecutionRequest.builder()
              .id(call.path("id").asText())
              .name(call.path("function").path("name").asText())
              .arguments(call.path("function").path("arguments").asText("{}"))
              .build());
    }
    return content.isEmpty() ? AiMessage.from(requests) : AiMessage.from(content, requests);
  }

  /** A function tool; its JSON Schema parameters are mapped property by property. */
  private static ToolSpecification tool(JsonNode function) {
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    JsonNode properties = function.path("parameters").path("properties");
    properties
        .fields()
        .forEachRemaining(
            p -> {
              String description = p.getValue().path("description").asText(null);
              switch (p.getValue().path("type").asText("string")) {
                case "integer" -> parameters.addIntegerProperty(p.getKey(), description);
                case "number" -> parameters.addNumberProperty(p.getKey(), description);
                case "boolean" -> parameters.addBooleanProperty(p.getKey(), description);
                default -> parameters.addStringProperty(p.getKey(), description);
              }
            });
    List<String> required = new ArrayList<>();
    function.path("parameters").path("required").forEach(r -> required.add(r.asText()));
    if (!required.isEmpty()) {
      parameters.required(required);
    }
    return ToolSpecification.builder()
        .name(function.path("name").asText())
        .description(function.path("description").asText(null))
        .parameters(parameters.build())
        .build();
  }

  private static String content(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      content.forEach(part -> text.append(part.path("text").asText("")));
      return text.toString();
    }
    return "";
  }

  private static ObjectNode completion(ChatResponse response, String model) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", "chatcmpl-" + UUID.randomUUID());
    out.put("object", "chat.completion");
    out.put("created", System.currentTimeMillis() / 1000);
    out.put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    AiMessage ai = response.aiMessage();
    message.put("content", ai.text());
    if (ai.hasToolExecutionRequests()) {
      message.set("tool_calls", toolCalls(ai));
    }
    choice.put("finish_reason", finishReason(response));
    TokenUsage usage = response.tokenUsage();
    ObjectNode u = out.putObject("usage");
    int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    int outTokens =
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    u.put("prompt_tokens", in);
    u.put("completion_tokens", outTokens);
    u.put("total_tokens", in + outTokens);
    return out;
  }

  private static ArrayNode toolCalls(AiMessage ai) {
    ArrayNode calls = JSON.createArrayNode();
    int index = 0;
    for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
      ObjectNode call = calls.addObject();
      call.put("index", index++);
      call.put("id", request.id());
      call.put("type", "function");
      call.putObject("function").put("name", request.name()).put("arguments", request.arguments());
    }
    return calls;
  }

  private static ObjectNode chunk(String id, String model, String content, String finishReason) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", id);
    out.put("object", "chat.completion.chunk");
    out.put("created", System.currentTimeMillis() / 1000);
    out.put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return out;
  }

  private static String finishReason(ChatResponse response) {
    return response.aiMessage().hasToolExecutionRequests() ? "tool_calls" : "stop";
  }
}
