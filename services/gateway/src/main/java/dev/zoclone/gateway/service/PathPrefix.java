package dev.zoclone.gateway.service;

/**
 * A path prefix that matches only at a segment boundary: {@code /api/v1/ask} matches {@code
 * /api/v1/ask} and {@code /api/v1/ask/stream}, never {@code /api/v1/asking}.
 *
 * @param value the prefix, starting with {@code /}, without a trailing {@code /}
 */
public record PathPrefix(String value) {

  public PathPrefix {
    if (value == null || !value.startsWith("/") || value.length() < 2 || value.endsWith("/")) {
      throw new IllegalArgumentException(
          "a path prefix starts with / and does not end with /: " + value);
    }
  }

  /** Whether {@code path} is this prefix or lies below it. */
  public boolean matches(String path) {
    return path.startsWith(value)
        && (path.length() == value.length() || path.charAt(value.length()) == '/');
  }
}
