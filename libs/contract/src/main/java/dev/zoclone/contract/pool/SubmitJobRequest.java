package dev.zoclone.contract.pool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/jobs}, and the data of a record on {@code zo.pool.jobs}.
 *
 * @param kind {@code shell}, {@code http}, {@code agent} or {@code skill}
 * @param payload what to run; its fields depend on the kind
 * @param priority higher runs first; defaults to 0
 * @param requirements labels a node must carry, all of them, to take the job
 * @param idempotencyKey resubmitting with the same key returns the first job
 * @param maxAttempts attempts before the job is dead; defaults to the service's setting
 * @param timeoutS seconds one attempt may run; none when null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmitJobRequest(
    String kind,
    JsonNode payload,
    Integer priority,
    Map<String, String> requirements,
    String idempotencyKey,
    Integer maxAttempts,
    Integer timeoutS) {}
