package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/jobs/{id}/complete}.
 *
 * @param nodeId the node that ran the job
 * @param leaseToken the fencing token of its lease; a stale one is refused with 409
 * @param result what the job produced
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompleteJobRequest(String nodeId, Long leaseToken, JsonNode result) {}
