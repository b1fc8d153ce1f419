package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Requests the pages made since the last call. */
public record NetworkRequests(List<Entry> requests) {

  /** One request; {@code status} null when it failed ({@code failure} says why, e.g. refused). */
  public record Entry(
      String method,
      String url,
      @JsonProperty("resource_type") String resourceType,
      Integer status,
      String failure) {}
}
