package dev.zoclone.cli;

import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.identity.CurrentUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zo login --gateway URL [--profile P]}: reads a token from stdin, checks it with the
 * gateway's {@code /api/v1/me} and stores both as a profile, which becomes the current one.
 */
@Command(
    name = "login",
    description = "Save a gateway URL and token (from stdin) as a profile.",
    footer = {
      "%nThe token is read from stdin, so it stays out of your shell history:",
      "  zo login --gateway https://zo.example.org --profile work < token.txt",
      "Then: zo --profile work whoami, or ZO_PROFILE=work. The last login is used",
      "by default; --url, ZO_URL, --token and ZO_TOKEN still win over a profile."
    })
public final class LoginCommand implements Callable<Integer> {
  private static final String DEFAULT_PROFILE = "default";

  @Spec private CommandSpec spec;

  @Option(
      names = "--gateway",
      required = true,
      paramLabel = "URL",
      description = "The gateway's base URL.")
  private String gateway;

  @Override
  public Integer call() {
    ZoCli zo = (ZoCli) spec.root().userObject();
    Settings settings = zo.settings();
    String name = zo.options().profileName(settings);
    String profile = name == null ? DEFAULT_PROFILE : name;
    URI url = GlobalOptions.checkedUrl(gateway);
    String token = readToken();
    // a token the gateway refuses is reported as the 401 of any command, and nothing is saved
    CurrentUser me =
        new GatewayClient(url, token, "stdin").get("/api/v1/me").read(CurrentUser.class);
    Profiles.Profile saved = Profiles.read(settings).save(profile, url.toString(), token);
    spec.commandLine()
        .getOut()
        .println(
            "Logged in to "
                + url
                + " as "
                + me.name()
                + (me.admin() ? " (admin)" : "")
                + "; profile "
                + saved.name()
                + " is now the current one ("
                + settings.configFile()
                + ").");
    return ExitCodes.OK;
  }

  private static String readToken() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isBlank()) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "no token on stdin: zo login --gateway URL < token-file (or paste it and press Enter)");
      }
      return line.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
