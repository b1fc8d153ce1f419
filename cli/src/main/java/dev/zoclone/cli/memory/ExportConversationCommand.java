package dev.zoclone.cli.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zo conversations export ID [-o json|yaml]}: the whole conversation on stdout, as Markdown
 * (a heading per turn) by default, or as the API's JSON or YAML with the global {@code -o}.
 */
@Command(name = "export", description = "Print a conversation as Markdown (-o json|yaml: data).")
public final class ExportConversationCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The conversation's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        gateway.get("/api/v1/conversations/" + GatewayClient.pathSegment(id));
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    out().print(markdown(response.read(JsonNode.class)));
    return ExitCodes.OK;
  }

  /** The conversation as Markdown: its title, summary, then each turn that has text. */
  static String markdown(JsonNode conversation) {
    StringBuilder md = new StringBuilder();
    String title = conversation.path("title").asText("");
    md.append("# ").append(title.isBlank() ? "Conversation" : title).append("\n\n");
    md.append("Conversation `").append(conversation.path("id").asText()).append('`');
    if (conversation.hasNonNull("created_at")) {
      md.append(", started ").append(conversation.get("created_at").asText());
    }
    md.append(".\n\n");
    if (conversation.hasNonNull("summary")) {
      md.append("## Summary\n\n").append(conversation.get("summary").asText()).append("\n\n");
    }
    for (JsonNode message : conversation.path("messages")) {
      String content = message.path("content").asText("");
      if (content.isBlank()) {
        continue;
      }
      md.append("## ").append(heading(message.path("role").asText())).append("\n\n");
      md.append(content.strip()).append("\n\n");
    }
    return md.toString();
  }

  private static String heading(String role) {
    return switch (role) {
      case "user" -> "You";
      case "assistant" -> "Assistant";
      case "tool" -> "Tool result";
      case "system" -> "System";
      default -> role;
    };
  }
}
