package dev.zoclone.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holds what {@link TextRules} refuses; its message says what. */
public final class RefusedTextException extends MismatchedInputException {
  private static final long serialVersionUID = 1L;

  RefusedTextException(JsonParser parser, String problem) {
    super(parser, problem);
  }
}
