package dev.zoclone.cli.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;

/** {@code zo tokens ls}: the caller's tokens, never their secrets. */
@Command(name = "ls", description = "List your API tokens (never the tokens themselves).")
public final class ListTokensCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/tokens");
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    Instant now = Instant.now();
    ZoneId zone = ZoneId.systemDefault();
    TextTable table = new TextTable("ID", "NAME", "CREATED", "AGE", "LAST USED");
    for (JsonNode token : response.read(JsonNode.class).path("tokens")) {
      table.row(
          token.path("id").asText(),
          token.path("name").asText(),
          Times.local(token.path("created_at").asText(null), zone),
          Times.age(token.path("created_at").asText(null), now),
          Times.local(token.path("last_used_at").asText(null), zone));
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
