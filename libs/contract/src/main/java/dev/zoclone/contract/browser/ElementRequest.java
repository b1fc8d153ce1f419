package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of the element operations (click, dblclick, hover, check, uncheck, type, press, select): an
 * element by CSS/Playwright {@code selector} or by {@code ref} from the latest snapshot, plus the
 * operation's own fields ({@code text} to type, {@code key} to press, {@code values} to select).
 */
public record ElementRequest(
    String selector,
    String ref,
    String text,
    String key,
    List<String> values,
    Boolean submit,
    @JsonProperty("timeout_ms") Long timeoutMs) {

  /** The element found by {@code selector}. */
  public static ElementRequest of(String selector) {
    return new ElementRequest(selector, null, null, null, null, null, null);
  }
}
