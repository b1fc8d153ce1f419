package dev.zoclone.agents.models;

import dev.zoclone.platform.problem.ProblemException;
import java.util.List;

/**
 * A parsed {@code model_name}: {@code <key name>:<model>}, or a bare key name whose default model
 * is used. Only the first colon splits, so {@code lab:llama3.2:1b} is model {@code llama3.2:1b}.
 */
public record ModelRef(String keyName, String model) {

  /** Parses {@code name}; the model part may be null for a bare key name. */
  public static ModelRef parse(String name) {
    if (name == null || name.isBlank()) {
      throw ProblemException.badRequest("model_name", "is required (no default model is set)");
    }
    int colon = name.indexOf(':');
    if (colon < 0) {
      return new ModelRef(name.trim(), null);
    }
    String key = name.substring(0, colon).trim();
    String model = name.substring(colon + 1).trim();
    if (key.isEmpty() || model.isEmpty()) {
      throw ProblemException.badRequest("model_name", "must be <key name>:<model>");
    }
    return new ModelRef(key, model);
  }

  /**
   * The 400 for a name whose key the caller does not have: a bare model name ({@code gpt-4o}) is
   * taken for a key name, so it explains the {@code <key>:<model>} form and lists the caller's
   * keys.
   */
  public ProblemException unknownKey(List<String> ownKeys) {
    String example = ownKeys.isEmpty() ? "openai" : ownKeys.get(0);
    String yours =
        ownKeys.isEmpty()
            ? "You have no keys yet. Add one: bin/zo keys set "
                + keyName
                + " --provider <provider> --key <api key> [--base-url <url>]"
            : "Your keys: "
                + String.join(", ", ownKeys)
                + ". Or add one: bin/zo keys set "
                + keyName
                + " --provider <provider> --key <api key> [--base-url <url>]";
    return new ProblemException(
        400,
        "no-key",
        "No key for this model",
        "You have no key named '"
            + keyName
            + "'. Name a model as <key>:<model>, e.g. "
            + example
            + ":"
            + (model != null ? model : keyName)
            + ", or a key alone for its default model. "
            + yours);
  }

  /** {@code <key name>:<model>}. */
  public String display() {
    return model == null ? keyName : keyName + ":" + model;
  }
}
