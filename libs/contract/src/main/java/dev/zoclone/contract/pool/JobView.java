package dev.zoclone.contract.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * One job as its owner sees it ({@code GET /api/v1/jobs/{id}}).
 *
 * @param status PENDING, LEASED, RUNNING, SUCCEEDED, FAILED, DEAD or CANCELLED
 * @param attempts attempts started so far
 * @param nodeId the node holding or last holding the job
 * @param runAt the earliest time the job may be leased (later than now while backing off)
 * @param waitingFor for a PENDING job that none of the owner's live nodes can take, why (its kind
 *     or requirements); null otherwise, and in lists
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobView(
    String id,
    String kind,
    String status,
    int priority,
    int attempts,
    int maxAttempts,
    Integer timeoutS,
    Map<String, String> requirements,
    String idempotencyKey,
    String nodeId,
    JsonNode payload,
    JsonNode result,
    String error,
    Instant createdAt,
    Instant runAt,
    Instant startedAt,
    Instant finishedAt,
    String waitingFor) {

  /** This view saying why the job waits. */
  public JobView withWaitingFor(String reason) {
    return new JobView(
        id,
        kind,
        status,
        priority,
        attempts,
        maxAttempts,
        timeoutS,
        requirements,
        idempotencyKey,
        nodeId,
        payload,
        result,
        error,
        createdAt,
        runAt,
        startedAt,
        finishedAt,
        reason);
  }
}
