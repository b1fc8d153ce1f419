package dev.zoclone.bench;

import java.util.List;

/** Sorted latencies of a run, in nanoseconds, read as percentiles in milliseconds. */
public final class Latencies {
  private final long[] sorted;

  public Latencies(List<Long> nanos) {
    this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
  }

  /** The {@code percent}th percentile in milliseconds (nearest rank). */
  public double percentileMs(double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  public double p50() {
    return percentileMs(50);
  }

  public double p95() {
    return percentileMs(95);
  }

  public int count() {
    return sorted.length;
  }

  @Override
  public String toString() {
    return String.format(
        "n=%d p50 %.2f ms p95 %.2f ms max %.2f ms",
        sorted.length, p50(), p95(), sorted[sorted.length - 1] / 1e6);
  }
}
