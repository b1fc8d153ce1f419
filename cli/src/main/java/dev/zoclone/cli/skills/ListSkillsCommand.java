package dev.zoclone.cli.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo skills ls}: the skills the caller can use. */
@Command(name = "ls", description = "List the skills you can use (yours and the shared ones).")
public final class ListSkillsCommand extends GatewayCommand {
  private static final int DESCRIPTION_CHARS = 60;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/skills");
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("NAME", "VERSION", "SOURCE", "AVAILABLE", "DESCRIPTION");
      for (JsonNode skill : response.read(JsonNode.class)) {
        table.row(
            skill.path("name").asText(),
            skill.path("version").asText().substring(0, 12),
            skill.path("source").asText(),
            skill.path("available").asBoolean() ? "yes" : "no: " + skill.path("reason").asText(),
            shorten(skill.path("description").asText()));
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }

  private static String shorten(String text) {
    return text.length() <= DESCRIPTION_CHARS
        ? text
        : text.substring(0, DESCRIPTION_CHARS - 1) + "…";
  }
}
