package dev.zoclone.cli.agents;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.agents.AskRequest;
import dev.zoclone.contract.agents.AskResponse;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo ask "<message>"}: asks with your key and prints the answer. */
@Command(name = "ask", description = "Ask the assistant; prints the answer.")
public final class AskCommand extends GatewayCommand {
  @Parameters(index = "0", description = "What to ask.")
  String input;

  @Option(names = "--model", description = "<key name>:<model>, or a key name.")
  String model;

  @Option(names = "--conversation", description = "Continue this conversation.")
  String conversationId;

  @Option(names = "--persona", description = "Ask with this persona's system prompt.")
  String personaId;

  @Override
  protected int execute(GatewayClient gateway) {
    AskRequest body =
        new AskRequest(input, conversationId, model, personaId, null, null, null, null);
    GatewayResponse response =
        gateway.withRequestTimeout(Duration.ofMinutes(5)).post("/api/v1/ask", body);
    if (!printedAsJson(response)) {
      AskResponse answer = response.read(AskResponse.class);
      out()
          .println(
              answer.output() == null
                  ? ""
                  : answer.output().isTextual()
                      ? answer.output().asText()
                      : answer.output().toPrettyString());
      if (answer.conversationId() != null) {
        out().println("(conversation " + answer.conversationId() + ")");
      }
    }
    return ExitCodes.OK;
  }
}
