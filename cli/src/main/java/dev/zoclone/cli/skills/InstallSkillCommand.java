package dev.zoclone.cli.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.ProgressLine;
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

  @Option(
      names = "--progress",
      description = "Show the upload's progress on stderr (shown anyway on a terminal for 1 MiB+).")
  private boolean progress;

  /** Archives from this size on show their progress on a terminal without --progress. */
  static final int LARGE = 1024 * 1024;

  @Override
  protected int execute(GatewayClient gateway) {
    byte[] archive;
    try {
      archive = SkillSource.archive(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String route = "/api/v1/skills" + (shared ? "?shared=true" : "");
    GatewayResponse response;
    if (progress || (archive.length >= LARGE && ProgressLine.stderrIsTerminal())) {
      ProgressLine line =
          new ProgressLine(err(), "uploading " + path.getFileName(), archive.length);
      try {
        response = gateway.postBytes(route, archive, "application/octet-stream", line::update);
      } finally {
        line.finish();
      }
    } else {
      response = gateway.postBytes(route, archive, "application/octet-stream");
    }
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
