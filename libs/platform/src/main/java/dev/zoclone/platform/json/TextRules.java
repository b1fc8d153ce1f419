package dev.zoclone.platform.json;

import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.platform.problem.ProblemException;
import java.util.List;

/**
 * What a string from a caller may hold, decided once for every service: any Unicode text except NUL
 * (PostgreSQL cannot store it in text or jsonb) and lone UTF-16 surrogates (not a character: they
 * would be stored as '?' or break the next hop's UTF-8).
 */
public final class TextRules {
  private TextRules() {}

  /** Why {@code text} is refused, or null when it may be stored. */
  public static String problemIn(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return "contains a NUL character (U+0000)";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
      }
    }
    return null;
  }

  /**
   * Refuses {@code text} longer than {@code max} characters with a 400 problem naming {@code
   * field}; null passes (whether a field is required is the caller's rule).
   */
  public static void requireAtMost(String field, String text, int max) {
    if (text != null && text.length() > max) {
      throw ProblemException.badRequest(field, tooLong(text, max));
    }
  }

  /**
   * Refuses a message ({@code text}, such as an ask's input) longer than {@code max} characters
   * with a 413 {@code payload-too-large} problem naming {@code field}.
   */
  public static void requireMessageAtMost(String field, String text, int max) {
    if (text != null && text.length() > max) {
      String message = tooLong(text, max);
      throw new ProblemException(
          413,
          "payload-too-large",
          "Request too large",
          field + ": " + message,
          List.of(new FieldError(field, message)));
    }
  }

  private static String tooLong(String text, int max) {
    return "must be at most " + max + " characters (has " + text.length() + ")";
  }
}
