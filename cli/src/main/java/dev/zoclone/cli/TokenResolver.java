package dev.zoclone.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Picks the bearer token: {@code --token}, then {@code ZO_TOKEN}, then {@code
 * $ZO_HOME/admin-token}.
 */
final class TokenResolver {
  private TokenResolver() {}

  /** The token to send, or empty when none of the three places has one. */
  static Optional<String> resolve(String explicit, Settings settings) {
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(explicit.strip());
    }
    return settings.token().or(() -> readToken(settings.adminTokenFile()));
  }

  /** Why no token was found, where {@code zo} looked, and how to set one. */
  static CliFailure missing(Settings settings) {
    Path file = settings.adminTokenFile();
    String fileProblem;
    if (!Files.exists(file)) {
      fileProblem = file + " does not exist";
    } else if (!Files.isReadable(file) || Files.isDirectory(file)) {
      fileProblem = file + " cannot be read";
    } else {
      fileProblem = file + " is empty";
    }
    return new CliFailure(
        ExitCodes.FAILURE,
        "no API token: --token was not given, ZO_TOKEN is not set, and "
            + fileProblem
            + ". Pass --token <token>, export ZO_TOKEN=<token>, or start the platform once"
            + " (bin/zo up) so the gateway writes the admin token there.");
  }

  private static Optional<String> readToken(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          .filter(token -> !token.isEmpty());
    } catch (IOException e) {
      return Optional.empty(); // missing() explains what is wrong with the file
    }
  }
}
