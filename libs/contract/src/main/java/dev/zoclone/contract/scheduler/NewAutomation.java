package dev.zoclone.contract.scheduler;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Body of {@code POST /api/v1/automations}, and of {@code PATCH} where every field is optional.
 *
 * @param title a name for people
 * @param rrule the RFC 5545 rule, bare or with its {@code RRULE:} prefix
 * @param dtstart the first start, a local date-time in {@code tzid}; now when left out
 * @param tzid an IANA time zone
 * @param exdates local date-times in {@code tzid} to leave out
 * @param action what to do on each occurrence
 * @param active false to create it paused
 * @param catchUp after downtime: {@code skip} missed occurrences, fire {@code once} (default) or
 *     {@code all}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewAutomation(
    String title,
    String rrule,
    String dtstart,
    String tzid,
    List<String> exdates,
    AutomationAction action,
    Boolean active,
    String catchUp) {}
