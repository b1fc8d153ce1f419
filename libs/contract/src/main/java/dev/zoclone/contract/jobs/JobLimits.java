package dev.zoclone.contract.jobs;

/**
 * The bounds a job submission's numbers must keep; the pool's settings default to {@link
 * #DEFAULTS}, and the scheduler checks job actions against them.
 *
 * @param maxPriority priorities range from minus this to this
 * @param maxAttempts largest {@code max_attempts} a submission may ask for
 * @param maxTimeoutS largest {@code timeout_s} a submission may ask for
 */
public record JobLimits(int maxPriority, int maxAttempts, int maxTimeoutS) {
  /** Default of {@link #maxPriority}. */
  public static final int DEFAULT_MAX_PRIORITY = 1000;

  /** Default of {@link #maxAttempts}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 100;

  /** Default of {@link #maxTimeoutS} (a day). */
  public static final int DEFAULT_MAX_TIMEOUT_S = 86400;

  /** The pool's bounds when its settings are left alone. */
  public static final JobLimits DEFAULTS =
      new JobLimits(DEFAULT_MAX_PRIORITY, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_TIMEOUT_S);
}
