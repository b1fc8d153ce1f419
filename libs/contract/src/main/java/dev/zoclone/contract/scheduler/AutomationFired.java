package dev.zoclone.contract.scheduler;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Data of a {@code zo.automation.fired} event, one per fired occurrence.
 *
 * @param automationId the automation
 * @param runId the run recorded for this occurrence
 * @param owner the user who owns the automation
 * @param title the automation's title
 * @param occurrence the occurrence (UTC)
 * @param local the occurrence, local in {@code tzid}
 * @param tzid the automation's time zone
 * @param actionType {@code ask}, {@code job}, {@code webhook} or {@code kafka}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AutomationFired(
    String automationId,
    String runId,
    String owner,
    String title,
    String occurrence,
    String local,
    String tzid,
    String actionType) {}
