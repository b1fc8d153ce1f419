package dev.zoclone.contract.pool;

/**
 * Answer of a submission: the job's id and current status (the first job's, for a repeated
 * idempotency key).
 */
public record SubmittedJob(String id, String status) {}
