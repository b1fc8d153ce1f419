package dev.zoclone.contract.pool;

import java.util.List;

/**
 * Body of {@code POST /api/v1/nodes/{id}/heartbeat}.
 *
 * @param running ids of the jobs the node is running now
 */
public record HeartbeatRequest(List<String> running) {}
