package dev.zoclone.agents.models;

import dev.zoclone.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** The model providers a key can belong to, with the endpoint each defaults to. */
public enum Provider {
  OPENAI("https://api.openai.com/v1", true),
  OPENAI_COMPATIBLE(null, true),
  GROQ("https://api.groq.com/openai/v1", true),
  OPENROUTER("https://openrouter.ai/api/v1", true),
  ANTHROPIC("https://api.anthropic.com/v1", false),
  OLLAMA("http://127.0.0.1:11434", false);

  private final String defaultBaseUrl;
  private final boolean openAiWire;

  Provider(String defaultBaseUrl, boolean openAiWire) {
    this.defaultBaseUrl = defaultBaseUrl;
    this.openAiWire = openAiWire;
  }

  /** The provider named {@code name} in a request, or a 400 naming the choices. */
  public static Provider parse(String name) {
    if (name == null || name.isBlank()) {
      throw ProblemException.badRequest("provider", "is required; one of " + names());
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("provider", "must be one of " + names());
    }
  }

  /** The lower-case name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The endpoint used when a key names none; null when a key must name one. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** Whether the provider speaks OpenAI's chat completions protocol. */
  public boolean openAiWire() {
    return openAiWire;
  }

  /** Whether a key of this provider needs an API key. */
  public boolean needsApiKey() {
    return this != OLLAMA && this != OPENAI_COMPATIBLE;
  }

  private static String names() {
    return String.join(", ", Arrays.stream(values()).map(Provider::apiName).toList());
  }
}
