package dev.zoclone.agents.keys;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.zoclone.agents.models.ModelCaller;
import dev.zoclone.agents.models.Provider;
import dev.zoclone.contract.agents.KeyTestResult;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Checks a key with one cheap call: a one-token answer from its default (or a given) model. */
@ApplicationScoped
public class KeyTester {
  private final KeyService keys;
  private final ModelCaller models;

  public KeyTester(KeyService keys, ModelCaller models) {
    this.keys = keys;
    this.models = models;
  }

  /** Ok with the latency, or the provider's error (key redacted); 404 for an unknown key. */
  public KeyTestResult test(String owner, String name) {
    ResolvedKey key =
        keys.resolve(owner, name).orElseThrow(() -> ProblemException.notFound("key " + name));
    String model = key.defaultModel() != null ? key.defaultModel() : defaultModelOf(key.provider());
    long start = System.nanoTime();
    try {
      models.chat(
          owner,
          List.of(name + ":" + model),
          ChatRequest.builder().messages(UserMessage.from("Say ok.")).maxOutputTokens(5).build());
      return new KeyTestResult(true, (System.nanoTime() - start) / 1_000_000, null);
    } catch (ProblemException e) {
      return new KeyTestResult(false, (System.nanoTime() - start) / 1_000_000, e.getMessage());
    }
  }

  private static String defaultModelOf(Provider provider) {
    return switch (provider) {
      case ANTHROPIC -> "claude-3-5-haiku-latest";
      case OLLAMA -> "llama3.2";
      case GROQ -> "llama-3.1-8b-instant";
      case OPENROUTER -> "openai/gpt-4o-mini";
      default -> "gpt-4o-mini";
    };
  }
}
