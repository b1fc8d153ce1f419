package dev.zoclone.bench;

/**
 * One measured figure.
 *
 * @param benchmark the benchmark that measured it
 * @param what what was measured, in words
 * @param value the figure
 * @param unit its unit ({@code ms}, {@code /s}, …)
 * @param target the target it is held to, in words, or empty
 * @param met whether the target is met, or null when there is none
 */
public record Figure(
    String benchmark, String what, double value, String unit, String target, Boolean met) {

  /** A figure with no target. */
  public static Figure of(String benchmark, String what, double value, String unit) {
    return new Figure(benchmark, what, value, unit, "", null);
  }

  /** A figure that must be at most {@code bound}. */
  public static Figure atMost(
      String benchmark, String what, double value, String unit, double bound) {
    return new Figure(
        benchmark, what, value, unit, "≤ " + format(bound) + " " + unit, value <= bound);
  }

  /** A figure that must be at least {@code bound}. */
  public static Figure atLeast(
      String benchmark, String what, double value, String unit, double bound) {
    return new Figure(
        benchmark, what, value, unit, "≥ " + format(bound) + " " + unit, value >= bound);
  }

  /** The value as printed in tables: no decimals from 100, one from 10, two below. */
  public static String format(double value) {
    double magnitude = Math.abs(value);
    return magnitude >= 100
        ? String.format("%,.0f", value)
        : magnitude >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
  }
}
