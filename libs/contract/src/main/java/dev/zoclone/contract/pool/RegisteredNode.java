package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Answer of a node registration.
 *
 * @param nodeId the id the node uses from now on
 * @param heartbeatIntervalMs how often the node should heartbeat
 * @param leaseTtlMs how long a lease lives without a heartbeat
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisteredNode(String nodeId, long heartbeatIntervalMs, long leaseTtlMs) {}
