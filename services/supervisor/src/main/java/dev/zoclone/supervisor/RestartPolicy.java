package dev.zoclone.supervisor;

import java.util.Optional;

/** When a process that exited is started again. */
public enum RestartPolicy {
  ALWAYS("always"),
  ON_FAILURE("on-failure"),
  NEVER("never");

  private final String wire;

  RestartPolicy(String wire) {
    this.wire = wire;
  }

  /** The policy named {@code value}. */
  public static Optional<RestartPolicy> parse(String value) {
    for (RestartPolicy policy : values()) {
      if (policy.wire.equals(value)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }

  /** Whether an exit with {@code exitCode} (128 + n for signal n) is followed by a new start. */
  public boolean restartsAfter(int exitCode) {
    return this == ALWAYS || (this == ON_FAILURE && exitCode != 0);
  }

  /** The name in the API. */
  public String wire() {
    return wire;
  }
}
