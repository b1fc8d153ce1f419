package dev.zoclone.cli.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo conversations show ID}: the summary and every turn, oldest first. */
@Command(name = "show", description = "Show a conversation: summary and messages.")
public final class ShowConversationCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The conversation's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.CONVERSATIONS.call(
            gateway, id, c -> gateway.get("/api/v1/conversations/" + GatewayClient.pathSegment(c)));
    if (!printedAsJson(response)) {
      JsonNode conversation = response.read(JsonNode.class);
      String title = conversation.path("title").asText("");
      out().println("Conversation " + id + (title.isBlank() ? "" : " (" + title + ")"));
      if (conversation.hasNonNull("summary")) {
        out().println("  summary: " + conversation.get("summary").asText());
      }
      for (JsonNode message : conversation.path("messages")) {
        out().println(message.path("role").asText() + ": " + message.path("content").asText());
      }
    }
    return ExitCodes.OK;
  }
}
