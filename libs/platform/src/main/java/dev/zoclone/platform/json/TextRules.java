package dev.zoclone.platform.json;

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
}
