package dev.zoclone.cli.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo skills show NAME [--version V]}: a skill's frontmatter, files, versions and body. */
@Command(name = "show", description = "Show a skill: description, files, versions and body.")
public final class ShowSkillCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The skill's name.")
  private String name;

  @Option(names = "--version", paramLabel = "SHA256", description = "An older version.")
  private String version;

  @Override
  protected int execute(GatewayClient gateway) {
    String query = version == null ? "" : "?version=" + GatewayClient.pathSegment(version);
    GatewayResponse response =
        gateway.get("/api/v1/skills/" + GatewayClient.pathSegment(name) + query);
    if (!printedAsJson(response)) {
      JsonNode skill = response.read(JsonNode.class);
      out()
          .println(
              "Skill "
                  + skill.path("name").asText()
                  + " ("
                  + skill.path("source").asText()
                  + (skill.path("shared").asBoolean() ? ", shared" : "")
                  + ")");
      out().println("  version: " + skill.path("version").asText());
      if (skill.hasNonNull("metadata_version")) {
        out().println("  metadata.version: " + skill.path("metadata_version").asText());
      }
      out().println("  description: " + skill.path("description").asText());
      if (!skill.path("available").asBoolean()) {
        out().println("  unavailable: " + skill.path("reason").asText());
      }
      out().println("  files:");
      skill
          .path("files")
          .forEach(
              file ->
                  out()
                      .println(
                          "    "
                              + file.path("path").asText()
                              + " ("
                              + file.path("size").asLong()
                              + " B)"));
      out().println("  versions: " + skill.path("versions").size());
      out().println();
      out().println(skill.path("body").asText());
    }
    return ExitCodes.OK;
  }
}
