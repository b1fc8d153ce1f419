package dev.zoclone.cli.schedule;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --rrule RULE} or {@code --every PHRASE}, exactly one, as a recurrence rule. */
public final class RuleChoice {
  @Option(
      names = "--rrule",
      required = true,
      paramLabel = "RULE",
      description = "RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=-1FR.")
  String rrule;

  @Option(
      names = "--every",
      required = true,
      paramLabel = "PHRASE",
      description = "A phrase instead, e.g. 'weekday at 9', 'every 15 minutes'.")
  String every;

  /** The rule given, or the one the phrase maps to, which {@code notes} then shows. */
  String rule(PrintWriter notes) {
    if (rrule != null) {
      return rrule;
    }
    String rule = EveryPhrase.toRrule(every);
    notes.println("--every '" + every.strip() + "' is --rrule '" + rule + "'");
    notes.flush();
    return rule;
  }
}
