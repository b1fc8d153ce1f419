package dev.zoclone.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo ps}: the caller's supervised processes; {@code zo ps logs NAME} their output. */
@Command(
    name = "ps",
    description = "List your supervised processes and hosted services.",
    subcommands = {ProcessLogsCommand.class})
public final class PsCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/processes");
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("NAME", "MODE", "STATUS", "PID", "PORT", "RESTARTS", "URL");
      for (JsonNode process : response.read(JsonNode.class).path("processes")) {
        table.row(
            process.path("name").asText(),
            process.path("mode").asText(),
            process.path("status").asText(),
            process.path("pid").asText(null),
            process.path("port").asText(null),
            process.path("restarts").asText(),
            process.path("url").asText(null));
      }
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
