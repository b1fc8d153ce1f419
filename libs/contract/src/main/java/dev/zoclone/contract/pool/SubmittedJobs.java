package dev.zoclone.contract.pool;

import java.util.List;

/**
 * Answer of a batch submission: one entry per submission, in the request's order (the first job's,
 * for a repeated idempotency key).
 */
public record SubmittedJobs(List<SubmittedJob> jobs) {}
