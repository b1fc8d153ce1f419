package dev.zoclone.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Named profiles, like kubectl contexts: each a gateway URL and a file holding its token, kept in
 * {@code ~/.config/zoclone/config} (0600) with the one in use; {@code zo login} writes them.
 */
public final class Profiles {
  /** A profile: where its gateway is and the file its token is in. */
  public record Profile(String name, String url, Path tokenFile) {}

  private static final String NAME = "[A-Za-z0-9._-]{1,64}";
  private static final String CURRENT = "current";

  private final Path file;
  private final Properties values;

  private Profiles(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  /** The profiles stored for {@code settings}' user; none when the file does not exist. */
  public static Profiles read(Settings settings) {
    Path file = settings.configFile();
    Properties values = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(reader);
      } catch (IOException e) {
        throw new CliFailure(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new Profiles(file, values);
  }

  /**
   * The profile named {@code name} (from {@code --profile} or {@code ZO_PROFILE}), else the current
   * one; naming one that does not exist is a usage error listing those that do.
   */
  public Optional<Profile> select(String name) {
    String chosen = name != null ? name : values.getProperty(CURRENT);
    if (chosen == null || chosen.isBlank()) {
      return Optional.empty();
    }
    String url = values.getProperty("profile." + chosen + ".url");
    if (url == null) {
      TreeSet<String> names = new TreeSet<>();
      values.stringPropertyNames().stream()
          .filter(k -> k.startsWith("profile.") && k.endsWith(".url"))
          .forEach(k -> names.add(k.substring(8, k.length() - 4)));
      throw new CliFailure(
          ExitCodes.USAGE,
          "no profile '"
              + chosen
              + "' in "
              + file
              + (names.isEmpty()
                  ? "; create one with zo login --gateway URL --profile " + chosen
                  : "; profiles: " + String.join(", ", names)));
    }
    return Optional.of(
        new Profile(chosen, url, Path.of(values.getProperty("profile." + chosen + ".token-file"))));
  }

  /** The token of {@code profile}, named as whoami and errors name where it came from. */
  public static TokenResolver.Resolved resolved(Profile profile) {
    return new TokenResolver.Resolved(
        token(profile), "profile " + profile.name() + " (" + profile.tokenFile() + ")");
  }

  /**
   * The token of the profile named {@code name}, else of the current one, if there is a profile;
   * {@code zo node} takes it as it takes {@code --token}.
   */
  public static Optional<TokenResolver.Resolved> resolved(Settings settings, String name) {
    return read(settings)
        .select(name != null ? name : settings.profile().orElse(null))
        .map(Profiles::resolved);
  }

  /** The profile's token, read from its file; a usage error when the file is gone or empty. */
  public static String token(Profile profile) {
    try {
      String token = Files.readString(profile.tokenFile(), StandardCharsets.UTF_8).strip();
      if (!token.isEmpty()) {
        return token;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new CliFailure(
        ExitCodes.USAGE,
        "profile "
            + profile.name()
            + " has no token in "
            + profile.tokenFile()
            + ": run zo login --gateway "
            + profile.url()
            + " --profile "
            + profile.name()
            + " again");
  }

  /** Stores {@code token} and {@code url} as profile {@code name} and makes it the current one. */
  public Profile save(String name, String url, String token) {
    if (!name.matches(NAME)) {
      throw new CliFailure(
          ExitCodes.USAGE, "profile names are 1-64 letters, digits, '.', '_' or '-', not " + name);
    }
    Path tokenFile = file.resolveSibling("tokens").resolve(name);
    try {
      privateFile(tokenFile);
      Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
      values.setProperty("profile." + name + ".url", url);
      values.setProperty("profile." + name + ".token-file", tokenFile.toString());
      values.setProperty(CURRENT, name);
      privateFile(file);
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        values.store(writer, "zo profiles: written by zo login");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Profile(name, url, tokenFile);
  }

  /** Creates {@code path} (and its directory) readable by its owner only, where POSIX allows. */
  private static void privateFile(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    if (!Files.exists(path)) {
      Files.createFile(path);
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
