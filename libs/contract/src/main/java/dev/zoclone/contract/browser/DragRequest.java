package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code drag}: from one element onto another, each by selector or ref. */
public record DragRequest(
    @JsonProperty("from_selector") String fromSelector,
    @JsonProperty("from_ref") String fromRef,
    @JsonProperty("to_selector") String toSelector,
    @JsonProperty("to_ref") String toRef,
    @JsonProperty("timeout_ms") Long timeoutMs) {}
