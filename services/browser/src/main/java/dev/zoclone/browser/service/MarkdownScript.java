package dev.zoclone.browser.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The in-page function that renders the active tab's DOM as Markdown. */
@ApplicationScoped
public class MarkdownScript {
  private final String source;

  public MarkdownScript() {
    try (InputStream in = MarkdownScript.class.getResourceAsStream("/browser/to-markdown.js")) {
      if (in == null) {
        throw new IllegalStateException("browser/to-markdown.js is missing from the jar");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JavaScript function of no arguments that answers the Markdown. */
  public String source() {
    return source;
  }
}
