package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One finished job in {@code POST /api/v1/nodes/{id}/complete}.
 *
 * @param jobId the job
 * @param leaseToken the fencing token of the node's lease on it
 * @param result what the job produced
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobCompletion(String jobId, Long leaseToken, JsonNode result) {}
