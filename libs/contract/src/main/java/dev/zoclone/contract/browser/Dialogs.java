package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Dialogs the pages opened since the last call, and how each was answered. */
public record Dialogs(List<Dialog> dialogs) {

  /** One alert, confirm, prompt or beforeunload. */
  public record Dialog(
      String type,
      String message,
      @JsonProperty("default_value") String defaultValue,
      boolean accepted,
      @JsonProperty("prompt_text") String promptText) {}
}
