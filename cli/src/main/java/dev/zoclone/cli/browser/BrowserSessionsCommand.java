package dev.zoclone.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo browser sessions}: the caller's live sessions. */
@Command(name = "sessions", description = "List your live browser sessions.")
public final class BrowserSessionsCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/browser/sessions");
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    JsonNode sessions = response.read(JsonNode.class).path("sessions");
    if (sessions.isEmpty()) {
      out().println("No browser sessions.");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable("ID", "NAME", "TABS", "STATE", "LAST USED");
    for (JsonNode s : sessions) {
      table.row(
          s.path("id").asText(),
          s.path("name").isTextual() ? s.path("name").asText() : "-",
          s.path("tabs").asText(),
          s.path("lost").asBoolean() ? "lost" : "live",
          s.path("last_used_at").asText());
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
