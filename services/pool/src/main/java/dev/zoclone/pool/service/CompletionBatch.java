package dev.zoclone.pool.service;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A node's finished jobs, checked and split into the columns the batch update takes: each job once,
 * each with its lease token.
 */
public record CompletionBatch(List<String> ids, List<Long> tokens, List<String> results) {
  static final CompletionBatch NONE = new CompletionBatch(List.of(), List.of(), List.of());

  /**
   * Checks the completions listed under {@code field} (400 naming each bad entry as {@code
   * field[i].name}, or the list when it is longer than {@code max}).
   */
  static CompletionBatch of(String field, List<JobCompletion> completions, int max) {
    if (completions == null || completions.isEmpty()) {
      return NONE;
    }
    if (completions.size() > max) {
      throw ProblemException.badRequest(field, "must list at most " + max + " jobs");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>(completions.size());
    List<Long> tokens = new ArrayList<>(completions.size());
    List<String> results = new ArrayList<>(completions.size());
    for (int i = 0; i < completions.size(); i++) {
      JobCompletion completion = completions.get(i);
      String prefix = field + "[" + i + "].";
      if (completion == null || completion.jobId() == null || completion.jobId().isBlank()) {
        errors.add(new FieldError(prefix + "job_id", "is required"));
        continue;
      }
      if (!seen.add(completion.jobId())) {
        errors.add(new FieldError(prefix + "job_id", "appears more than once"));
      }
      if (completion.leaseToken() == null) {
        errors.add(new FieldError(prefix + "lease_token", "is required"));
      }
      ids.add(completion.jobId());
      tokens.add(completion.leaseToken());
      results.add(completion.result() == null ? null : completion.result().toString());
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new CompletionBatch(List.copyOf(ids), List.copyOf(tokens), results);
  }

  boolean isEmpty() {
    return ids.isEmpty();
  }

  /** The ids not among {@code done}, in the order given: the stale ones. */
  List<String> notIn(Set<String> done) {
    return ids.stream().filter(id -> !done.contains(id)).toList();
  }

  /** A 400 listing every field error. */
  static ProblemException invalid(List<FieldError> errors) {
    String detail =
        String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    return new ProblemException(400, "validation", "Invalid jobs", detail, List.copyOf(errors));
  }
}
