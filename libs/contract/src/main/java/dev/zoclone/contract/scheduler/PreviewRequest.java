package dev.zoclone.contract.scheduler;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Body of {@code POST /api/v1/automations/preview}.
 *
 * @param rrule the rule, bare ({@code FREQ=...}) or with its {@code RRULE:} prefix
 * @param dtstart the first start, a local date-time in {@code tzid}
 * @param tzid an IANA time zone
 * @param exdates local date-times in {@code tzid} to leave out
 * @param count how many occurrences to list
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PreviewRequest(
    String rrule, String dtstart, String tzid, List<String> exdates, Integer count) {}
