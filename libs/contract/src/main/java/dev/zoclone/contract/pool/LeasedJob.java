package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A job handed to a node.
 *
 * @param attempt which attempt this is, from 1
 * @param leaseToken the fencing token the node sends back with the job's completion or failure
 * @param timeoutS seconds this attempt may run; none when null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeasedJob(
    String id,
    String kind,
    JsonNode payload,
    int priority,
    int attempt,
    long leaseToken,
    Integer timeoutS) {}
