package dev.zoclone.cli.schedule;

import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.AutomationView;
import dev.zoclone.contract.scheduler.Occurrence;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** How the schedule commands print an automation, its action and its occurrences. */
final class AutomationPrinter {
  private AutomationPrinter() {}

  /**
   * The automation as {@code zo schedule show}, {@code add}, {@code pause} and {@code resume} print
   * it.
   */
  static void print(PrintWriter out, AutomationView automation) {
    out.println("Automation " + automation.id() + ": " + automation.title());
    out.println("  rule:     " + automation.rrule());
    out.println("  start:    " + automation.dtstart() + " " + automation.tzid());
    if (automation.exdates() != null && !automation.exdates().isEmpty()) {
      out.println("  except:   " + String.join(", ", automation.exdates()));
    }
    out.println("  action:   " + describe(automation.action()));
    out.println("  active:   " + (automation.active() ? "yes" : "no (paused)"));
    out.println("  catch-up: " + automation.catchUp());
    if (automation.nextRuns() == null || automation.nextRuns().isEmpty()) {
      out.println("  next:     -");
      return;
    }
    String label = "  next:     ";
    for (Occurrence next : automation.nextRuns()) {
      out.println(label + occurrence(next));
      label = "            ";
    }
  }

  /** One line saying what an action does. */
  static String describe(AutomationAction action) {
    if (action == null || action.type() == null) {
      return "-";
    }
    return switch (action.type()) {
      case "ask" -> "ask \"" + action.prompt() + "\"";
      case "job" ->
          "job " + (action.payload() == null ? "" : action.payload().path("kind").asText("?"));
      case "webhook" -> "webhook " + action.url();
      case "kafka" -> "kafka " + action.topic();
      default -> action.type();
    };
  }

  /** {@code Fri 2026-02-13T09:00:00 (2026-02-13T08:00:00Z)}. */
  static String occurrence(Occurrence occurrence) {
    return weekday(occurrence.local()) + " " + occurrence.local() + " (" + occurrence.utc() + ")";
  }

  /** The short English day of week of a local date-time, or blank if it cannot be read. */
  static String weekday(String local) {
    try {
      return LocalDateTime.parse(local)
          .getDayOfWeek()
          .getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    } catch (RuntimeException e) {
      return "";
    }
  }
}
