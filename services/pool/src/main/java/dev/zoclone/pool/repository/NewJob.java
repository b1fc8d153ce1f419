package dev.zoclone.pool.repository;

/** A validated job to insert; JSON fields are already serialized. */
public record NewJob(
    String id,
    String owner,
    String kind,
    String payloadJson,
    int priority,
    String requirementsJson,
    String idempotencyKey,
    int maxAttempts,
    Integer timeoutS) {}
