package dev.zoclone.skillkit;

import java.util.List;

/** A run that names no script when the skill has several, or a script the skill does not have. */
public class ScriptChoiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> available;

  public ScriptChoiceException(String message, List<String> available) {
    super(message + "; scripts: " + (available.isEmpty() ? "none" : String.join(", ", available)));
    this.available = List.copyOf(available);
  }

  /** The scripts the skill has, as names under {@code scripts/}. */
  public List<String> available() {
    return available;
  }
}
