package dev.zoclone.cli.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo conversations rename ID TITLE}: gives a conversation a new title. */
@Command(name = "rename", description = "Give a conversation a new title.")
public final class RenameConversationCommand extends GatewayCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The conversation's id.")
  private String id;

  @Parameters(
      index = "1",
      arity = "1..*",
      paramLabel = "TITLE",
      description = "The new title (at most 200 characters); several words are joined by spaces.")
  private java.util.List<String> title;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        gateway.send(
            "PATCH",
            "/api/v1/conversations/" + GatewayClient.pathSegment(id),
            Map.of("title", String.join(" ", title)));
    if (!printedAsJson(response)) {
      JsonNode renamed = response.read(JsonNode.class);
      out()
          .println(
              "Renamed conversation " + id + " to \"" + renamed.path("title").asText() + "\".");
    }
    return ExitCodes.OK;
  }
}
