package dev.zoclone.pool.service;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.jobs.JobKind;
import dev.zoclone.contract.jobs.JobLimits;
import dev.zoclone.contract.jobs.JobRules;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.pool.config.PoolConfig;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a submission against the shared job rules of libs/contract ({@link JobRules}) and the
 * pool's own settings, reporting every offending field at once.
 */
@ApplicationScoped
public class SubmissionValidator {
  /**
   * Idempotency keys of jobs the scheduler submits for automation runs (over Kafka): a user may not
   * submit one, or their job's events would be taken for the run's.
   */
  static final String RESERVED_KEY_PREFIX = "automation-run:";

  private final PoolConfig config;
  private final CurrentCaller caller;

  public SubmissionValidator(PoolConfig config, CurrentCaller caller) {
    this.config = config;
    this.caller = caller;
  }

  /** Throws a 400 problem naming each offending field; answers the job's kind otherwise. */
  public JobKind validate(SubmitJobRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("body", "a job is required");
    }
    List<FieldError> errors =
        new ArrayList<>(
            JobRules.check(
                request,
                new JobLimits(
                    config.maxPriority(), config.maxAttemptsLimit(), config.maxTimeoutS())));
    if (request.idempotencyKey() != null
        && request.idempotencyKey().startsWith(RESERVED_KEY_PREFIX)
        && submittedByUser()) {
      errors.add(
          new FieldError(
              "idempotency_key",
              "the prefix " + RESERVED_KEY_PREFIX + " is reserved for the scheduler"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          400, "validation", "Invalid job", describe(errors), List.copyOf(errors));
    }
    return JobKind.parse(request.kind()).orElseThrow();
  }

  /** Whether a user's HTTP request submits the job (not a record on zo.pool.jobs). */
  private boolean submittedByUser() {
    if (!Arc.container().requestContext().isActive()) {
      return false;
    }
    try {
      caller.userId();
      return true;
    } catch (ProblemException e) {
      return false; // a request context without a caller: not an HTTP request of a user
    }
  }

  private static String describe(List<FieldError> errors) {
    return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
  }
}
