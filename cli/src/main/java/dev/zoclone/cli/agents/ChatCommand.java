package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.Json;
import dev.zoclone.contract.agents.AskRequest;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zo chat}: an interactive loop in one conversation, answers streamed as they come; {@code
 * /new}, {@code /model NAME} and {@code /exit} (or end of input) steer it.
 */
@Command(
    name = "chat",
    description = "Chat in one conversation; /new, /model NAME, /exit.",
    footer = {
      "%nLines starting with / are commands:",
      "  /new          start a new conversation",
      "  /model NAME   ask with this model from now on (<key name>:<model>)",
      "  /exit         leave (so does Ctrl-D)",
      "On a terminal, the up and down arrows (and Ctrl-R) recall earlier lines,",
      "kept in $ZO_HOME/chat_history (readable by you only)."
    })
public final class ChatCommand extends GatewayCommand {
  /** The history file of the terminal line editor, under {@code $ZO_HOME}. */
  static final String HISTORY_FILE = "chat_history";

  @Option(names = "--model", description = "<key name>:<model>, or a key name.")
  String model;

  @Option(names = "--conversation", description = "Continue this conversation.")
  String conversationId;

  @Option(names = "--persona", description = "Chat with this persona's system prompt.")
  String personaId;

  @Override
  protected int execute(GatewayClient gateway) {
    try (ChatInput input =
        ChatInput.open(System.in, err(), settings().home().resolve(HISTORY_FILE))) {
      return chat(gateway, input);
    }
  }

  /** The loop: reads lines from {@code input} until {@code /exit} or its end. */
  private int chat(GatewayClient gateway, ChatInput input) {
    GatewayClient slow = gateway.withRequestTimeout(Duration.ofMinutes(5));
    err()
        .println(
            "Chatting"
                + (conversationId == null ? "" : " in " + conversationId)
                + "; /exit leaves.");
    err().flush();
    while (true) {
      String line = input.readLine("> ");
      if (line == null || line.strip().equals("/exit")) {
        return ExitCodes.OK;
      }
      String text = line.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (text.equals("/new")) {
        conversationId = null;
        err().println("(new conversation)");
      } else if (text.startsWith("/model")) {
        String name = text.substring("/model".length()).strip();
        if (name.isEmpty()) {
          err().println("(model: " + (model == null ? "your default" : model) + ")");
        } else {
          model = name;
          err().println("(model " + model + ")");
        }
      } else if (text.startsWith("/")) {
        err().println("unknown command " + text.split("\\s+")[0] + ": /new, /model NAME, /exit");
      } else {
        turn(slow, text);
      }
    }
  }

  /** One streamed answer; a failure is printed and the chat goes on. */
  private void turn(GatewayClient gateway, String input) {
    AskRequest body =
        new AskRequest(input, conversationId, model, personaId, null, true, null, null, null);
    String[] failed = {null};
    try {
      gateway.stream(
          "/api/v1/ask",
          body,
          (event, data) -> {
            JsonNode payload = Json.read(data, JsonNode.class);
            switch (event) {
              case "FrontendModelResponse" -> {
                out().print(payload.path("content").asText(""));
                out().flush();
              }
              case "End" -> {
                out().println();
                out().flush();
                String conversation = payload.path("conversation_id").asText("");
                if (!conversation.isEmpty()) {
                  conversationId = conversation;
                }
              }
              case "Error" -> failed[0] = payload.path("message").asText("the answer failed");
              default -> {
                // keep-alives and other events carry nothing to print
              }
            }
          });
    } catch (CliFailure failure) {
      failed[0] = failure.getMessage();
    }
    if (failed[0] != null) {
      err().println("error: " + failed[0]);
      err().flush();
    }
  }
}
