package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The session's downloads; fetch one at {@code downloads/{id}}. */
public record Downloads(List<Download> downloads) {

  /** One download: {@code status} is {@code complete}, {@code failed} or {@code too-large}. */
  public record Download(
      String id,
      @JsonProperty("file_name") String fileName,
      String url,
      Long size,
      String status) {}
}
