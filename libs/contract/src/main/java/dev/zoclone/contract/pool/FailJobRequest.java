package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/jobs/{id}/fail}.
 *
 * @param nodeId the node that ran the job
 * @param leaseToken the fencing token of its lease; a stale one is refused with 409
 * @param error what went wrong
 * @param retryable whether another attempt may succeed; defaults to true
 * @param result partial output, such as a failed command's exit code and stderr
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FailJobRequest(
    String nodeId, Long leaseToken, String error, Boolean retryable, JsonNode result) {}
