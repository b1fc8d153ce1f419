package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code wait_for}: exactly one of a selector to appear, a text to appear or to go. */
public record WaitForRequest(
    String selector,
    String text,
    @JsonProperty("text_gone") String textGone,
    @JsonProperty("timeout_ms") Long timeoutMs) {}
