package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Replaces a conversation's rolling summary.
 *
 * @param summary the new summary, covering every turn up to and including {@code coversUntil}
 * @param coversUntil the id of the newest message the summary covers
 */
public record SummaryUpdate(String summary, @JsonProperty("covers_until") String coversUntil) {}
