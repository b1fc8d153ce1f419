package dev.zoclone.cli.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo skills install DIR|ARCHIVE [--shared]}: uploads a skill as a new version. */
@Command(
    name = "install",
    description = {
      "Install a skill from a folder or a .zip/.tar.gz archive.",
      "A folder is packed as .tar.gz before it is sent."
    })
public final class InstallSkillCommand extends GatewayCommand {
  @Parameters(paramLabel = "DIR|ARCHIVE", description = "The skill folder or archive.")
  private Path path;

  @Option(names = "--shared", description = "(admin) Install it for every user.")
  private boolean shared;

  @Override
  protected int execute(GatewayClient gateway) {
    byte[] archive;
    try {
      archive = SkillSource.archive(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GatewayResponse response =
        gateway.postBytes(
            "/api/v1/skills" + (shared ? "?shared=true" : ""), archive, "application/octet-stream");
    if (!printedAsJson(response)) {
      JsonNode installed = response.read(JsonNode.class);
      out()
          .println(
              (response.status() == 201 ? "Installed " : "Already installed ")
                  + installed.path("name").asText()
                  + " version "
                  + installed.path("version").asText()
                  + (installed.path("shared").asBoolean() ? " for every user." : "."));
      installed
          .path("warnings")
          .forEach(
              warning ->
                  out()
                      .println(
                          "warning: "
                              + warning.path("field").asText()
                              + ": "
                              + warning.path("message").asText()));
    }
    return ExitCodes.OK;
  }
}
