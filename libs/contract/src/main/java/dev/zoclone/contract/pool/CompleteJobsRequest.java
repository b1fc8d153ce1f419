package dev.zoclone.contract.pool;

import java.util.List;

/**
 * Body of {@code POST /api/v1/nodes/{id}/complete}: the node's finished jobs, recorded in one
 * transaction.
 *
 * @param jobs each job with the lease token it was run under
 */
public record CompleteJobsRequest(List<JobCompletion> jobs) {}
