package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code upload}: files set on a file input, by selector or ref. */
public record UploadRequest(
    String selector,
    String ref,
    List<FileContent> files,
    @JsonProperty("timeout_ms") Long timeoutMs) {

  /** One file: its name and its bytes in base64. */
  public record FileContent(String name, @JsonProperty("content_base64") String contentBase64) {}
}
