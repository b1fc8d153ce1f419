package dev.zoclone.agents.ask;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.zoclone.agents.client.MemoryClient;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.models.ModelCaller;
import dev.zoclone.contract.memory.ContextRequest;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.RecalledMemory;
import dev.zoclone.contract.memory.StartConversation;
import dev.zoclone.contract.memory.StartedConversation;
import dev.zoclone.contract.memory.SummaryUpdate;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The agents service's one door into a conversation held by memory: assembles what the model sees
 * for a new message (persona, rolling summary, recalled memories, recent turns within the token
 * budget) and records the turns that follow. Turns past the budget are first summarised by the
 * model into the conversation's summary, stored through memory; history itself is never deleted.
 */
@ApplicationScoped
public class ConversationContext {
  private final MemoryClient memory;
  private final ModelCaller models;
  private final AgentsConfig config;

  public ConversationContext(MemoryClient memory, ModelCaller models, AgentsConfig config) {
    this.memory = memory;
    this.models = models;
    this.config = config;
  }

  /**
   * A new conversation and the context of its first message (no turns yet: nothing to compress).
   */
  public StartedConversation start(String owner, String title, String input) {
    return memory.startConversation(
        owner,
        new StartConversation(title, input, config.contextTokenBudget(), config.recallTopK()));
  }

  /** The context from memory, with any overflow compressed into a new summary first. */
  public ContextResponse load(
      String owner, String conversationId, String input, List<String> candidates) {
    ContextResponse context =
        memory.context(
            owner,
            conversationId,
            new ContextRequest(input, config.contextTokenBudget(), config.recallTopK()));
    List<ConversationMessage> overflow =
        context.overflow() == null ? List.of() : context.overflow();
    if (overflow.isEmpty()) {
      return context;
    }
    String summary = summarise(owner, context.summary(), overflow, candidates);
    if (summary == null) {
      return context;
    }
    String coversUntil = overflow.get(overflow.size() - 1).id();
    memory.updateSummary(owner, conversationId, new SummaryUpdate(summary, coversUntil));
    Log.debugf(
        "conversation %s: %d turns compressed into the summary", conversationId, overflow.size());
    return new ContextResponse(summary, context.messages(), context.memories(), List.of());
  }

  /** Records turns at the end of the user's conversation. */
  public void append(String owner, String conversationId, List<ConversationMessage> turns) {
    memory.append(owner, conversationId, turns);
  }

  /** The messages for the model: system prompt, earlier turns, then the new message. */
  public List<ChatMessage> messages(
      String persona, ContextResponse context, String formatInstruction, String input) {
    List<String> system = new ArrayList<>();
    system.add(persona != null ? persona : "You are a helpful assistant.");
    if (context != null && context.summary() != null && !context.summary().isBlank()) {
      system.add("Summary of the earlier conversation:\n" + context.summary());
    }
    if (context != null && context.memories() != null && !context.memories().isEmpty()) {
      system.add(
          "What you remember about the user (may help):\n"
              + context.memories().stream()
                  .map(RecalledMemory::content)
                  .map(c -> "- " + c)
                  .collect(Collectors.joining("\n")));
    }
    if (formatInstruction != null) {
      system.add(formatInstruction);
    }
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(String.join("\n\n", system)));
    if (context != null && context.messages() != null) {
      for (ConversationMessage turn : context.messages()) {
        ChatMessage message = toChat(turn);
        if (message != null) {
          messages.add(message);
        }
      }
    }
    messages.add(UserMessage.from(input));
    return messages;
  }

  private String summarise(
      String owner, String previous, List<ConversationMessage> overflow, List<String> candidates) {
    StringBuilder prompt =
        new StringBuilder(
            "Summarise this conversation for your own later reference. Keep facts, decisions,"
                + " names and open questions; drop pleasantries. Answer with the summary only.\n\n");
    if (previous != null && !previous.isBlank()) {
      prompt.append("Summary so far:\n").append(previous).append("\n\n");
    }
    prompt.append("Turns to add:\n");
    for (ConversationMessage turn : overflow) {
      if (turn.content() != null && !turn.content().isBlank()) {
        prompt.append(turn.role()).append(": ").append(turn.content()).append('\n');
      }
    }
    try {
      ChatRequest request =
          ChatRequest.builder().messages(UserMessage.from(prompt.toString())).build();
      String text = models.chat(owner, candidates, request).response().aiMessage().text();
      return text == null || text.isBlank() ? null : text.trim();
    } catch (ProblemException e) {
      if (e.status() == 400) {
        throw e;
      }
      Log.warnf("summarising a conversation failed, keeping the old summary: %s", e.getMessage());
      return null;
    }
  }

  /** Text turns only: tool calls and results stay in history but not in the next context. */
  private static ChatMessage toChat(ConversationMessage turn) {
    if (turn.content() == null || turn.content().isBlank()) {
      return null;
    }
    return switch (turn.role()) {
      case "user" -> UserMessage.from(turn.content());
      case "assistant" ->
          turn.toolCalls() != null && !turn.toolCalls().isEmpty()
              ? null
              : AiMessage.from(turn.content());
      default -> null;
    };
  }
}
