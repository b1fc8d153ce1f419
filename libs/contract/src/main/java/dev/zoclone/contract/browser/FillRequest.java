package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code fill}: several fields at once, each by selector or ref. */
public record FillRequest(List<Field> fields, @JsonProperty("timeout_ms") Long timeoutMs) {

  /** One form field and the value it gets. */
  public record Field(String selector, String ref, String value) {}
}
