package dev.zoclone.contract.pool;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/nodes/{id}/complete}.
 *
 * @param completed ids whose results were recorded: the job is SUCCEEDED
 * @param stale ids refused because the node no longer holds them under that lease (expired,
 *     reassigned, cancelled or already finished); their results were not recorded
 */
public record CompletedJobs(List<String> completed, List<String> stale) {}
