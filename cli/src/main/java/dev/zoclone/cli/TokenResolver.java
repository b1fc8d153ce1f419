package dev.zoclone.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Picks the bearer token and says where it came from: {@code --token}, then {@code ZO_TOKEN}, then
 * {@code $ZO_HOME/admin-token}; a flag or variable given but empty is an error, never a fallback.
 */
public final class TokenResolver {
  /** A token and the place it was read from, as a user would name it. */
  public record Resolved(String value, String source) {}

  private TokenResolver() {}

  /** The token to send, or empty when none of the places has one. */
  public static Optional<Resolved> resolve(String explicit, Settings settings) {
    return resolveGiven(explicit, settings)
        .or(() -> readToken(settings.adminTokenFile()).map(t -> adminToken(t, settings)));
  }

  /**
   * The token given by {@code --token} or {@code ZO_TOKEN}, without the admin-token fallback; fails
   * when either is present but empty.
   */
  public static Optional<Resolved> resolveGiven(String explicit, Settings settings) {
    if (explicit != null) {
      if (explicit.isBlank()) {
        throw new CliFailure(ExitCodes.USAGE, "--token is empty: give a token or leave it out");
      }
      return Optional.of(new Resolved(explicit.strip(), "--token"));
    }
    if (settings.env().containsKey("ZO_TOKEN")) {
      return settings
          .token()
          .map(t -> new Resolved(t, "ZO_TOKEN"))
          .or(
              () -> {
                throw new CliFailure(
                    ExitCodes.USAGE,
                    "ZO_TOKEN is set but empty: export ZO_TOKEN=<token>, or `unset ZO_TOKEN` to"
                        + " use "
                        + settings.adminTokenFile());
              });
    }
    return Optional.empty();
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

  private static Resolved adminToken(String token, Settings settings) {
    return new Resolved(token, "the admin-token file " + settings.adminTokenFile());
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
