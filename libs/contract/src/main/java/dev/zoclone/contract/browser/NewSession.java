package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/browser/sessions}; every field is optional. A {@code name} keeps the
 * session's cookies and storage across sessions and restarts.
 */
public record NewSession(
    String name,
    Viewport viewport,
    @JsonProperty("user_agent") String userAgent,
    String locale,
    String timezone,
    @JsonProperty("idle_timeout_ms") Long idleTimeoutMs) {

  /** Viewport size in CSS pixels. */
  public record Viewport(Integer width, Integer height) {}

  /** An anonymous session with the defaults. */
  public static NewSession anonymous() {
    return new NewSession(null, null, null, null, null, null);
  }
}
