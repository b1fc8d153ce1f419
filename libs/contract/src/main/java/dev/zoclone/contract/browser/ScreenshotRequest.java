package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code screenshot}: the whole page, one element (ref or selector), png or jpeg. */
public record ScreenshotRequest(
    @JsonProperty("full_page") Boolean fullPage, String ref, String selector, String format) {}
