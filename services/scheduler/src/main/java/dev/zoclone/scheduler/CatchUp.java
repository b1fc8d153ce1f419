package dev.zoclone.scheduler;

import java.util.Locale;

/** What an automation does with occurrences missed while no scheduler ran. */
public enum CatchUp {
  /** Fire none of the missed occurrences. */
  SKIP,
  /** Fire one run standing for all missed occurrences (the latest). */
  ONCE,
  /** Fire every missed occurrence. */
  ALL;

  /** The value as the API writes it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
