package dev.zoclone.cli.memory;

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
import picocli.CommandLine.Option;

/** {@code zo conversations ls}: a page of the caller's conversations, newest first. */
@Command(
    name = "ls",
    description = "List your conversations, newest first.",
    footer = {"%nNewest started first; -o wide adds when each last changed (UPDATED)."})
public final class ListConversationsCommand extends GatewayCommand {
  @Option(names = "--limit", paramLabel = "N", description = "Page size, 1..100. Default: 20.")
  private int limit = 20;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Where the last page ended.")
  private String cursor;

  @Override
  protected int execute(GatewayClient gateway) {
    String path =
        "/api/v1/conversations?limit="
            + limit
            + (cursor == null ? "" : "&cursor=" + GatewayClient.pathSegment(cursor));
    GatewayResponse response = gateway.get(path);
    if (!printedAsJson(response)) {
      JsonNode page = response.read(JsonNode.class);
      Instant now = Instant.now();
      ZoneId zone = ZoneId.systemDefault();
      // the list is in the order the conversations were started: CREATED is what it is sorted by
      TextTable table =
          wide()
              ? new TextTable("ID", "TITLE", "MESSAGES", "CREATED", "AGE", "UPDATED")
              : new TextTable("ID", "TITLE", "MESSAGES", "CREATED", "AGE");
      for (JsonNode conversation : page.path("conversations")) {
        String created = conversation.path("created_at").asText(null);
        String id = conversation.path("id").asText();
        String title = conversation.path("title").asText(null);
        String messages = conversation.path("message_count").asText();
        String updated = Times.local(conversation.path("updated_at").asText(null), zone);
        if (wide()) {
          table.row(
              id, title, messages, Times.local(created, zone), Times.age(created, now), updated);
        } else {
          table.row(id, title, messages, Times.local(created, zone), Times.age(created, now));
        }
      }
      out().print(table.render());
      if (page.hasNonNull("next_cursor")) {
        out().println("More: zo conversations ls --cursor " + page.get("next_cursor").asText());
      }
    }
    return ExitCodes.OK;
  }
}
