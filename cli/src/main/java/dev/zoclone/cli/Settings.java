package dev.zoclone.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The environment {@code zo} reads its defaults from, passed in rather than read from {@link
 * System#getenv()} so that tests can supply their own.
 *
 * @param env environment variables such as {@code ZO_URL}, {@code ZO_TOKEN} and {@code ZO_HOME}
 * @param userHome the user's home directory, under which {@code ZO_HOME} defaults to {@code
 *     .zoclone}
 */
public record Settings(Map<String, String> env, Path userHome) {
  /** Where the gateway listens when neither {@code --url} nor {@code ZO_URL} says otherwise. */
  public static final String DEFAULT_URL = "http://127.0.0.1:8080";

  public Settings {
    env = Map.copyOf(env);
  }

  /** The settings of the running process. */
  public static Settings fromSystem() {
    return new Settings(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The variable's value, unless it is unset or blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** {@code ZO_URL}, if set. */
  public Optional<String> url() {
    return variable("ZO_URL");
  }

  /** {@code ZO_TOKEN}, if set. */
  public Optional<String> token() {
    return variable("ZO_TOKEN");
  }

  /** {@code ZO_HOME}, else {@code ~/.zoclone}; a leading {@code ~/} is expanded. */
  public Path home() {
    return variable("ZO_HOME")
        .map(h -> h.startsWith("~/") ? userHome.resolve(h.substring(2)) : Path.of(h))
        .orElse(userHome.resolve(".zoclone"));
  }

  /** {@code $XDG_CONFIG_HOME/zoclone/config}, else {@code ~/.config/zoclone/config}: profiles. */
  public Path configFile() {
    return variable("XDG_CONFIG_HOME")
        .map(Path::of)
        .orElse(userHome.resolve(".config"))
        .resolve("zoclone")
        .resolve("config");
  }

  /** {@code ZO_PROFILE}, if set. */
  public Optional<String> profile() {
    return variable("ZO_PROFILE");
  }

  /** The file the gateway writes the admin token to on first start. */
  public Path adminTokenFile() {
    return home().resolve("admin-token");
  }
}
