package dev.zoclone.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo open NAME}: prints the public URL of an http process. */
@Command(name = "open", description = "Print the public URL of an http process.")
public final class OpenCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The process's name.")
  private String name;

  @Override
  protected int execute(GatewayClient gateway) {
    JsonNode process =
        gateway.get("/api/v1/processes/" + GatewayClient.pathSegment(name)).read(JsonNode.class);
    if (!process.hasNonNull("url")) {
      throw new CliFailure(
          ExitCodes.FAILURE, name + " is a " + process.path("mode").asText() + " process: no URL");
    }
    out().println(publicUrl(gateway, process.get("url").asText()));
    return ExitCodes.OK;
  }

  /** The gateway's base URL joined with a route's path. */
  static String publicUrl(GatewayClient gateway, String path) {
    String base = gateway.baseUrl().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
