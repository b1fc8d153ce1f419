package dev.zoclone.agents.ask;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.zoclone.contract.agents.AskRequest;
import dev.zoclone.platform.problem.ProblemException;

/**
 * An ask's own sampling settings ({@code temperature}, {@code max_tokens}) and system prompt,
 * checked against their bounds.
 *
 * @param system the system prompt in place of the persona's; null keeps the persona's
 * @param temperature null for the provider's default
 * @param maxTokens null for the model's default
 */
record AskTuning(String system, Double temperature, Integer maxTokens) {
  /** No tuning: the persona's prompt and the defaults. */
  static final AskTuning NONE = new AskTuning(null, null, null);

  /** Longest system prompt an ask may carry. */
  static final int MAX_SYSTEM_CHARS = 20_000;

  /** Most output tokens an ask may ask for. */
  static final int MAX_TOKENS = 65_536;

  /** The request's tuning; a 400 names the field out of bounds. */
  static AskTuning of(AskRequest request) {
    if (request.system() != null
        && (request.system().isBlank() || request.system().length() > MAX_SYSTEM_CHARS)) {
      throw ProblemException.badRequest(
          "system", "must be 1 to " + MAX_SYSTEM_CHARS + " characters");
    }
    if (request.temperature() != null
        && !(request.temperature() >= 0 && request.temperature() <= 2)) {
      throw ProblemException.badRequest("temperature", "must be between 0 and 2");
    }
    if (request.maxTokens() != null
        && (request.maxTokens() < 1 || request.maxTokens() > MAX_TOKENS)) {
      throw ProblemException.badRequest("max_tokens", "must be between 1 and " + MAX_TOKENS);
    }
    return new AskTuning(request.system(), request.temperature(), request.maxTokens());
  }

  /** The system prompt to lead with: this ask's own, else the persona's. */
  String systemPrompt(String persona) {
    return system != null ? system : persona;
  }

  /** Sets the sampling settings given on {@code builder}. */
  ChatRequest.Builder apply(ChatRequest.Builder builder) {
    if (temperature != null) {
      builder.temperature(temperature);
    }
    if (maxTokens != null) {
      builder.maxOutputTokens(maxTokens);
    }
    return builder;
  }
}
