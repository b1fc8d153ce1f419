package dev.zoclone.agents.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.output.TokenUsage;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.models.ModelCaller;
import dev.zoclone.agents.models.ModelCaller.Answer;
import dev.zoclone.agents.tool.AskTools;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.agents.tool.Tool.ToolContext;
import dev.zoclone.agents.tool.ToolRegistry;
import dev.zoclone.agents.tool.ToolRunner;
import dev.zoclone.agents.tool.skills.SkillExposure;
import dev.zoclone.contract.agents.AskRequest;
import dev.zoclone.contract.agents.AskResponse;
import dev.zoclone.contract.agents.AskResponse.ToolCallView;
import dev.zoclone.contract.agents.AskResponse.Usage;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.StartedConversation;
import dev.zoclone.platform.json.TextRules;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ask loop: context from memory, the model with the user's key, tool calls until the model
 * answers (within a step limit), the answer checked against the output format, and the whole turn
 * appended to the conversation.
 */
@ApplicationScoped
public class AskService {
  /**
   * Longest input an ask (and an agent's prompt) may carry: its turn is stored by memory, which
   * keeps at most this many characters a message.
   */
  public static final int MAX_INPUT_CHARS = 65_536;

  /** Longest model name (and agent id) a request may give. */
  public static final int MAX_NAME_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECALLED_EXCERPT_CHARS = 200;

  private final ModelCaller models;
  private final ConversationContext context;
  private final PersonaService personas;
  private final ToolRegistry tools;
  private final StructuredOutput structured;
  private final AgentsConfig config;
  private final SkillExposure skills;
  private final ToolRunner runner;
  private final AskTools askTools;

  public AskService(
      ModelCaller models,
      ConversationContext context,
      PersonaService personas,
      ToolRegistry tools,
      StructuredOutput structured,
      AgentsConfig config,
      SkillExposure skills,
      ToolRunner runner,
      AskTools askTools) {
    this.models = models;
    this.context = context;
    this.personas = personas;
    this.tools = tools;
    this.structured = structured;
    this.config = config;
    this.skills = skills;
    this.runner = runner;
    this.askTools = askTools;
  }

  /**
   * Answers {@code request} for {@code owner} in a conversation (a new one when none is named);
   * when {@code onToken} is set, the model streams and each piece of text goes to it.
   */
  public AskResponse ask(String owner, AskRequest request, Consumer<String> onToken) {
    String input = requireInput(request.input());
    TextRules.requireAtMost("model_name", request.modelName(), MAX_NAME_CHARS);
    AskTuning tuning = AskTuning.of(request);
    List<String> candidates = models.candidates(owner, request.modelName(), request.fallbacks());
    models.resolve(owner, candidates.get(0));
    PersonaService.AskPersona askPersona = personas.forAsk(owner, request.personaId());
    // Either the persona or the request turns skills off.
    Boolean skillsOn = askPersona.skills() ? request.skills() : Boolean.FALSE;
    // The ask's own groups, else its persona's, else every group.
    AskTools.Selection selection =
        askTools.select(owner, request.tools() != null ? request.tools() : askPersona.tools());
    SkillExposure.Exposure exposure = skills.expose(owner, selection.tools(), skillsOn);
    List<Tool> selected = exposure.tools();
    JsonSchema schema =
        request.outputFormat() == null ? null : structured.compile(request.outputFormat());
    String persona = withSkills(tuning.systemPrompt(askPersona.systemPrompt()), exposure);
    String conversationId;
    ContextResponse loaded;
    if (request.conversationId() != null) {
      conversationId = request.conversationId();
      loaded = context.load(owner, conversationId, input, candidates);
    } else {
      // One call to memory starts the conversation and answers its context.
      StartedConversation started = context.start(owner, title(input), input);
      conversationId = started.conversationId();
      loaded = started.context();
    }
    List<ChatMessage> messages =
        context.messages(
            persona,
            loaded,
            schema == null ? null : structured.instruction(request.outputFormat()),
            input);
    ConversationMessage asked = new ConversationMessage(null, "user", input, null, null, null);
    Turn turn;
    try {
      turn =
          run(
              owner,
              conversationId,
              messages,
              selected,
              candidates,
              onToken,
              schema,
              schema == null ? null : structured.nativeFormat(request.outputFormat()),
              tuning);
    } catch (RuntimeException e) {
      keepQuestion(owner, conversationId, asked, e);
      throw e;
    }
    List<ConversationMessage> appended = new ArrayList<>();
    appended.add(asked);
    appended.addAll(turn.history());
    appended.add(new ConversationMessage(null, "assistant", turn.text(), null, null, null));
    context.append(owner, conversationId, appended);
    return new AskResponse(
        turn.output(),
        conversationId,
        turn.modelName(),
        turn.usage(),
        turn.toolCalls(),
        metadata(selection, loaded));
  }

  /**
   * What else the answer tells: the MCP servers left out, and the memories recalled into its
   * context ({@code recalled_memories}: id, excerpt, score), so a reader can see what it drew on.
   */
  private static Map<String, Object> metadata(
      AskTools.Selection selection, ContextResponse loaded) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (!selection.unavailable().isEmpty()) {
      metadata.put("mcp_unavailable", selection.unavailable());
    }
    if (loaded != null && loaded.memories() != null && !loaded.memories().isEmpty()) {
      metadata.put(
          "recalled_memories",
          loaded.memories().stream()
              .map(
                  m ->
                      Map.of(
                          "id",
                          m.id(),
                          "excerpt",
                          m.content().length() <= RECALLED_EXCERPT_CHARS
                              ? m.content()
                              : m.content().substring(0, RECALLED_EXCERPT_CHARS) + "…",
                          "score",
                          m.score()))
              .toList());
    }
    return metadata.isEmpty() ? null : metadata;
  }

  /** A failed turn still keeps the user's message, so the conversation is never left empty. */
  private void keepQuestion(
      String owner, String conversationId, ConversationMessage asked, RuntimeException failure) {
    try {
      context.append(owner, conversationId, List.of(asked));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      Log.warnf("could not keep the question of a failed ask in %s: %s", conversationId, e);
    }
  }

  /** A one-off run with no conversation: the prompt, the tools and the model (agents use it). */
  public AskResponse runOnce(
      String owner, String prompt, String modelName, List<String> toolNames) {
    String input = requireInput(prompt);
    List<String> candidates = models.candidates(owner, modelName, null);
    models.resolve(owner, candidates.get(0));
    SkillExposure.Exposure exposure = skills.expose(owner, tools.forAgent(toolNames), null);
    List<ChatMessage> messages = context.messages(withSkills(null, exposure), null, null, input);
    Turn turn =
        run(owner, null, messages, exposure.tools(), candidates, null, null, null, AskTuning.NONE);
    return new AskResponse(turn.output(), null, turn.modelName(), turn.usage(), turn.toolCalls());
  }

  /** The persona's system prompt (or the default one) followed by the skills listing, if any. */
  private static String withSkills(String persona, SkillExposure.Exposure exposure) {
    if (exposure.prompt() == null) {
      return persona;
    }
    return (persona != null ? persona : "You are a helpful assistant.")
        + "\n\n"
        + exposure.prompt();
  }

  /** What one ask produced. */
  private record Turn(
      JsonNode output,
      String text,
      String modelName,
      Usage usage,
      List<ToolCallView> toolCalls,
      List<ConversationMessage> history) {}

  private Turn run(
      String owner,
      String conversationId,
      List<ChatMessage> messages,
      List<Tool> selected,
      List<String> candidates,
      Consumer<String> onToken,
      JsonSchema schema,
      ResponseFormat format,
      AskTuning tuning) {
    Map<String, Tool> byName =
        selected.stream().collect(Collectors.toMap(Tool::name, Function.identity()));
    List<ToolSpecification> specs = selected.stream().map(Tool::specification).toList();
    List<ToolCallView> calls = new ArrayList<>();
    List<ConversationMessage> history = new ArrayList<>();
    int[] tokens = {0, 0};
    ToolContext toolContext = new ToolContext(owner, conversationId);
    for (int step = 1; ; step++) {
      boolean toolsAllowed = step <= config.maxToolSteps() && !specs.isEmpty();
      ChatRequest.Builder builder = tuning.apply(ChatRequest.builder().messages(messages));
      if (toolsAllowed) {
        builder.toolSpecifications(specs);
      }
      if (format != null) {
        // Sent to providers with a structured-output mode; ModelCaller drops it for the others.
        builder.responseFormat(format);
      }
      Answer answer = call(owner, candidates, builder.build(), onToken);
      add(tokens, answer.response().tokenUsage());
      AiMessage ai = answer.response().aiMessage();
      if (ai.hasToolExecutionRequests() && !toolsAllowed) {
        throw new ProblemException(
            502,
            "tool-step-limit",
            "Too many tool calls",
            "the model still called tools after " + config.maxToolSteps() + " steps");
      }
      if (!ai.hasToolExecutionRequests()) {
        String text = ai.text() == null ? "" : ai.text();
        if (schema == null) {
          return new Turn(
              TextNode.valueOf(text), text, answer.modelName(), usage(tokens), calls, history);
        }
        return checked(
            owner, candidates, messages, ai, schema, answer.modelName(), tokens, calls, history);
      }
      messages.add(ai);
      ArrayNode requested = JSON.createArrayNode();
      List<ConversationMessage> results = new ArrayList<>();
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        JsonNode arguments = parseArguments(call.arguments());
        String result = runner.run(byName.get(call.name()), call.name(), toolContext, arguments);
        messages.add(ToolExecutionResultMessage.from(call, result));
        calls.add(new ToolCallView(call.name(), arguments, result));
        requested
            .addObject()
            .put("id", call.id())
            .put("name", call.name())
            .put("arguments", call.arguments());
        results.add(new ConversationMessage(null, "tool", result, null, call.id(), null));
      }
      // a turn that only calls tools has no text: memory accepts no content beside tool calls,
      // but refuses blank content
      String text = ai.text() == null || ai.text().isBlank() ? null : ai.text();
      history.add(new ConversationMessage(null, "assistant", text, requested, null, null));
      history.addAll(results);
    }
  }

  private Turn checked(
      String owner,
      List<String> candidates,
      List<ChatMessage> messages,
      AiMessage ai,
      JsonSchema schema,
      String modelName,
      int[] tokens,
      List<ToolCallView> calls,
      List<ConversationMessage> history) {
    StructuredOutput.Checked first = structured.check(schema, ai.text());
    if (first.valid()) {
      return new Turn(first.value(), ai.text(), modelName, usage(tokens), calls, history);
    }
    List<ChatMessage> repair = new ArrayList<>(messages);
    repair.add(ai);
    repair.add(
        UserMessage.from(
            "Your answer does not validate against the JSON Schema: "
                + String.join("; ", first.errors())
                + ". Answer again with only the corrected JSON."));
    Answer again = models.chat(owner, candidates, ChatRequest.builder().messages(repair).build());
    add(tokens, again.response().tokenUsage());
    String text = again.response().aiMessage().text();
    StructuredOutput.Checked second = structured.check(schema, text);
    if (!second.valid()) {
      throw new ProblemException(
          502,
          "output-format-invalid",
          "Answer does not match the output format",
          "the model's answer failed the output_format schema after one repair attempt: "
              + String.join("; ", second.errors()));
    }
    return new Turn(second.value(), text, again.modelName(), usage(tokens), calls, history);
  }

  private Answer call(
      String owner, List<String> candidates, ChatRequest request, Consumer<String> onToken) {
    return onToken == null
        ? models.chat(owner, candidates, request)
        : models.stream(owner, candidates, request, onToken);
  }

  private static JsonNode parseArguments(String arguments) {
    try {
      return arguments == null || arguments.isBlank()
          ? JSON.createObjectNode()
          : JSON.readTree(arguments);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  private static void add(int[] tokens, TokenUsage usage) {
    if (usage != null) {
      tokens[0] += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      tokens[1] += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }
  }

  private static Usage usage(int[] tokens) {
    return new Usage(tokens[0], tokens[1]);
  }

  private static String requireInput(String input) {
    if (input == null || input.isBlank()) {
      throw ProblemException.badRequest("input", "is required");
    }
    TextRules.requireMessageAtMost("input", input, MAX_INPUT_CHARS);
    return input;
  }

  private static String title(String input) {
    String line = input.strip().lines().findFirst().orElse("");
    return line.length() <= 60 ? line : line.substring(0, 60);
  }
}
