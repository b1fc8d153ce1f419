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

/** {@code zo users ls}: every user, for an admin. */
@Command(name = "ls", description = "List users: admin flag, disabled, created.")
public final class ListUsersCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/users");
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    Instant now = Instant.now();
    TextTable table = new TextTable("ID", "NAME", "ADMIN", "STATUS", "CREATED", "AGE");
    for (JsonNode user : response.read(JsonNode.class).path("users")) {
      table.row(
          user.path("id").asText(),
          user.path("name").asText(),
          user.path("admin").asBoolean() ? "yes" : "no",
          user.path("disabled").asBoolean() ? "disabled" : "active",
          Times.local(user.path("created_at").asText(null), ZoneId.systemDefault()),
          Times.age(user.path("created_at").asText(null), now));
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
