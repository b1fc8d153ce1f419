package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node as {@code GET /api/v1/nodes} lists it.
 *
 * @param status ONLINE while it heartbeats, else OFFLINE
 * @param activeJobs jobs it holds now
 * @param kinds the job kinds it runs
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NodeView(
    String id,
    String name,
    Map<String, String> labels,
    int slots,
    String status,
    int activeJobs,
    Instant registeredAt,
    Instant lastSeenAt,
    List<String> kinds) {}
