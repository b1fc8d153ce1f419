package dev.zoclone.contract.pool;

import java.util.List;

/**
 * Answer of a heartbeat.
 *
 * @param cancel ids of running jobs the node must stop: cancelled, timed out, or no longer its own
 */
public record HeartbeatResponse(List<String> cancel) {}
