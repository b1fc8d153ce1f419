package dev.zoclone.contract.scheduler;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One firing of an automation.
 *
 * @param id the run's id; also the request id of an {@code ask} and the idempotency key suffix of a
 *     {@code job}
 * @param automationId the automation that fired
 * @param occurrence the occurrence it fired for (UTC)
 * @param local the same occurrence, local in the automation's zone
 * @param firedAt when it fired (UTC)
 * @param status {@code FIRED} (sent on), {@code PENDING} (webhook awaiting delivery), {@code
 *     SUCCEEDED} or {@code FAILED}
 * @param attempts webhook delivery attempts so far
 * @param detail the last error or result summary, if any
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunView(
    String id,
    String automationId,
    String occurrence,
    String local,
    String firedAt,
    String status,
    int attempts,
    String detail) {}
