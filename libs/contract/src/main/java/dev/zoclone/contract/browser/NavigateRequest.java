package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code navigate}: {@code wait_until} is {@code load} (default), {@code domcontentloaded},
 * {@code networkidle} or {@code commit}.
 */
public record NavigateRequest(
    String url,
    @JsonProperty("wait_until") String waitUntil,
    @JsonProperty("timeout_ms") Long timeoutMs) {}
