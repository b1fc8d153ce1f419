package dev.zoclone.agents.service;

import dev.zoclone.platform.problem.ProblemException;

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

  /** {@code <key name>:<model>}. */
  public String display() {
    return model == null ? keyName : keyName + ":" + model;
  }
}
