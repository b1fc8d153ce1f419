package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.cli.gateway.Json;
import dev.zoclone.contract.agents.AskRequest;
import dev.zoclone.contract.agents.AskResponse;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo ask "<message>"}: asks with your key and prints the answer. */
@Command(
    name = "ask",
    description = {
      "Ask the assistant; prints the answer.",
      "The answer goes to stdout, the conversation's id to stderr."
    },
    footer = {
      "%nExamples:",
      "  zo ask \"what is on my calendar?\" --model openai:gpt-4o-mini",
      "  git diff | zo ask - --stream"
    })
public final class AskCommand extends GatewayCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "MESSAGE",
      description = "What to ask; - (or nothing, when stdin is not a terminal) reads stdin.")
  String input;

  @Option(names = "--model", description = "<key name>:<model>, or a key name.")
  String model;

  @Option(names = "--conversation", description = "Continue this conversation.")
  String conversationId;

  @Option(names = "--persona", description = "Ask with this persona's system prompt.")
  String personaId;

  @Option(names = "--stream", description = "Print the answer's tokens as they arrive.")
  boolean stream;

  @Option(
      names = "--tools",
      split = ",",
      description = "Only these tool groups, e.g. memory,automations (mcp: your MCP servers).")
  List<String> tools;

  @Option(names = "--system", paramLabel = "PROMPT", description = "System prompt for this ask.")
  String system;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2.")
  Double temperature;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      description = "Most tokens the answer may take.")
  Integer maxTokens;

  private AskRequest request(Boolean streamed) {
    return new AskRequest(
        input,
        conversationId,
        model,
        personaId,
        null,
        streamed,
        tools,
        null,
        null,
        system,
        temperature,
        maxTokens);
  }

  @Override
  protected int execute(GatewayClient gateway) {
    input = PromptInput.resolve(input);
    if (stream) {
      return streamAnswer(gateway);
    }
    AskRequest body = request(null);
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
        err().println("(conversation " + answer.conversationId() + ")");
      }
    }
    return ExitCodes.OK;
  }

  private int streamAnswer(GatewayClient gateway) {
    AskRequest body = request(true);
    String[] failed = {null};
    gateway.withRequestTimeout(Duration.ofMinutes(5)).stream(
        "/api/v1/ask",
        body,
        (event, data) -> {
          if (json()) {
            out().println(data);
            out().flush();
            return;
          }
          JsonNode payload = Json.read(data, JsonNode.class);
          switch (event) {
            case "FrontendModelResponse" -> {
              out().print(payload.path("content").asText(""));
              out().flush();
            }
            case "End" -> {
              out().println();
              String conversation = payload.path("conversation_id").asText("");
              out().flush();
              if (!conversation.isEmpty()) {
                err().println("(conversation " + conversation + ")");
                err().flush();
              }
            }
            case "Error" -> failed[0] = payload.path("message").asText("the answer failed");
            default -> {
              // other events (keep-alives, future additions) carry nothing to print
            }
          }
        });
    if (failed[0] != null) {
      throw new CliFailure(ExitCodes.FAILURE, failed[0]);
    }
    return ExitCodes.OK;
  }
}
