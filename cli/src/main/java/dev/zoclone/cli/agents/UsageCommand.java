package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo usage}: the caller's model calls and tokens per key and model, with a total. */
@Command(name = "usage", description = "Your model calls and tokens per key and model.")
public final class UsageCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/usage");
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    JsonNode rows = response.read(JsonNode.class).path("usage");
    if (rows.isEmpty()) {
      out().println("No model calls yet.");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable("KEY", "MODEL", "CALLS", "INPUT TOKENS", "OUTPUT TOKENS");
    long calls = 0;
    long input = 0;
    long output = 0;
    for (JsonNode row : rows) {
      calls += row.path("calls").asLong();
      input += row.path("input_tokens").asLong();
      output += row.path("output_tokens").asLong();
      table.row(
          row.path("key_name").asText(),
          row.path("model").asText(),
          row.path("calls").asText(),
          row.path("input_tokens").asText(),
          row.path("output_tokens").asText());
    }
    if (rows.size() > 1) {
      table.row("TOTAL", "", Long.toString(calls), Long.toString(input), Long.toString(output));
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
