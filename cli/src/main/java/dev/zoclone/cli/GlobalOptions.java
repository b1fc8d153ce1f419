package dev.zoclone.cli;

import dev.zoclone.cli.gateway.GatewayClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after its name: where the gateway is, who calls it, how
 * to print.
 */
public final class GlobalOptions {
  @Option(
      names = "--url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = {
        "Gateway base URL. Env: ZO_URL.",
        "Default: the profile's (zo login),",
        "else " + Settings.DEFAULT_URL
      })
  private String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = ScopeType.INHERIT,
      description = {
        "Bearer token. Env: ZO_TOKEN.",
        "Default: the profile's token (zo login), else the contents of"
            + " $ZO_HOME/admin-token (ZO_HOME defaults to ~/.zoclone)."
      })
  private String token;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Use this profile of zo login. Env: ZO_PROFILE.")
  private String profile;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the gateway's JSON response as is (same as -o json).")
  private boolean json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description = "text (default), wide (more columns), json or yaml.")
  private String output;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  private boolean help;

  /** Whether the gateway's data is printed (json or yaml) rather than text. */
  public boolean json() {
    return format().data();
  }

  /** The format of {@code -o}, or JSON for {@code --json}; a usage error when they disagree. */
  public OutputFormat format() {
    OutputFormat chosen = output == null ? OutputFormat.TEXT : OutputFormat.parse(output);
    if (json && output != null && chosen != OutputFormat.JSON) {
      throw new CliFailure(ExitCodes.USAGE, "--json and -o " + output + " disagree: pick one");
    }
    return json ? OutputFormat.JSON : chosen;
  }

  /**
   * A client for the gateway named by {@code --url} or {@code ZO_URL}, calling with the resolved
   * token; without one, the gateway's demand for a token becomes the message on where to set it.
   */
  GatewayClient connect(Settings settings) {
    Optional<Profiles.Profile> chosen = Profiles.read(settings).select(profileName(settings));
    String rawUrl =
        url != null
            ? url
            : settings
                .url()
                .or(() -> chosen.map(Profiles.Profile::url))
                .orElse(Settings.DEFAULT_URL);
    URI baseUrl = baseUrl(rawUrl);
    return TokenResolver.resolveGiven(token, settings)
        .or(() -> chosen.map(Profiles::resolved))
        .or(() -> TokenResolver.resolve(null, settings))
        .map(t -> new GatewayClient(baseUrl, t.value(), t.source()))
        .orElseGet(() -> GatewayClient.withoutToken(baseUrl, TokenResolver.missing(settings)));
  }

  /** The profile named by {@code --profile}, else ZO_PROFILE; null for the current one. */
  String profileName(Settings settings) {
    return profile != null ? profile : settings.profile().orElse(null);
  }

  /** The URL as checked for every command: a usage error unless it is http(s)://host. */
  static URI checkedUrl(String raw) {
    return baseUrl(raw);
  }

  private static URI baseUrl(String raw) {
    String trimmed = raw.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, like any other URL that is not http(s)://host
    }
    throw new CliFailure(
        ExitCodes.USAGE,
        "invalid gateway URL '" + raw + "': expected something like " + Settings.DEFAULT_URL);
  }
}
