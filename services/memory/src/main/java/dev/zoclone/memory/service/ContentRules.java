package dev.zoclone.memory.service;

import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** What content and meta a caller may store: each violation is a 400 or a 413 problem. */
@ApplicationScoped
public class ContentRules {
  private final int maxContentChars;

  public ContentRules(MemoryConfig config) {
    this.maxContentChars = config.maxContentChars();
  }

  /** Content must have text and stay within the limit. */
  public void checkContent(String field, String content) {
    if (content == null || content.isBlank()) {
      throw ProblemException.badRequest(field, "must not be empty");
    }
    if (content.length() > maxContentChars) {
      throw new ProblemException(
          413,
          "content-too-large",
          "Content too large",
          field + " has " + content.length() + " characters; the limit is " + maxContentChars);
    }
  }

  /** Meta keys must be non-blank and values present. */
  public void checkMeta(String field, Map<String, String> meta) {
    if (meta == null) {
      return;
    }
    for (Map.Entry<String, String> entry : meta.entrySet()) {
      if (entry.getKey() == null || entry.getKey().isBlank()) {
        throw ProblemException.badRequest(field, "keys must not be blank");
      }
      if (entry.getValue() == null) {
        throw ProblemException.badRequest(field + "." + entry.getKey(), "must be a string");
      }
    }
  }
}
