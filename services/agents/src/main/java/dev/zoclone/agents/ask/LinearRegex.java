package dev.zoclone.agents.ask;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * JSON Schema {@code pattern}s matched in time linear in the text (RE2): a caller's schema runs
 * against a model's answer the caller controls, and a backtracking engine can be made to take
 * years. Patterns that need backtracking (back-references, lookaround) are refused.
 */
final class LinearRegex implements RegularExpressionFactory {
  static final LinearRegex INSTANCE = new LinearRegex();

  private LinearRegex() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "pattern '"
              + regex
              + "' is not supported (no back-references or lookaround): "
              + e.getDescription());
    }
    return value -> pattern.matcher(value).find();
  }
}
