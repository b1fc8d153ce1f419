package dev.zoclone.cli.agents;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The prompt of {@code zo ask}: the argument, or stdin for {@code -} or a piped stdin. */
final class PromptInput {
  private PromptInput() {}

  /** {@code argument} itself, or stdin's text when it is {@code -} or absent and stdin is piped. */
  static String resolve(String argument) {
    if (argument != null && !argument.equals("-")) {
      return argument;
    }
    if (argument == null && System.console() != null) {
      throw new CliFailure(
          ExitCodes.USAGE, "nothing to ask: give a MESSAGE, or - to read it from stdin");
    }
    try {
      String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new CliFailure(ExitCodes.USAGE, "nothing to ask: stdin was empty");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
