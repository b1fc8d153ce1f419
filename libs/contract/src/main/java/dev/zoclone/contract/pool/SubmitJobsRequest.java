package dev.zoclone.contract.pool;

import java.util.List;

/**
 * Body of {@code POST /api/v1/jobs/batch}: many submissions queued in one transaction, all or none.
 *
 * @param jobs the submissions, each as {@code POST /api/v1/jobs} takes it
 */
public record SubmitJobsRequest(List<SubmitJobRequest> jobs) {}
