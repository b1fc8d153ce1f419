package dev.zoclone.contract.scheduler;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An automation as the API shows it, with its next occurrences.
 *
 * @param id the automation's id
 * @param title a name for people
 * @param rrule the rule, normalized without its {@code RRULE:} prefix
 * @param dtstart the first start, local in {@code tzid}
 * @param tzid an IANA time zone
 * @param exdates excluded local date-times
 * @param action what it does, without any secret
 * @param active whether it fires
 * @param catchUp the catch-up policy
 * @param nextRuns the next few occurrences from now (empty when paused or ended)
 * @param createdAt when it was created (UTC)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AutomationView(
    String id,
    String title,
    String rrule,
    String dtstart,
    String tzid,
    List<String> exdates,
    AutomationAction action,
    boolean active,
    String catchUp,
    List<Occurrence> nextRuns,
    String createdAt) {}
