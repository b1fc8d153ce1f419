package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.agents.SpawnAllRequest;
import dev.zoclone.contract.agents.SpawnAllResponse;
import dev.zoclone.contract.agents.SpawnAllResponse.AgentResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zo agents spawn-all <file>}: runs the agents a JSON file lists ({@code {agents: [{id,
 * prompt, model_name?}], max_concurrency?, timeout_ms?}}) and prints one line per agent, in order.
 */
@Command(name = "spawn-all", description = "Run every agent a JSON file lists, in parallel.")
public final class SpawnAllCommand extends GatewayCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", description = "JSON file: {agents: [{id, prompt, model_name?}], ...}")
  Path file;

  @Override
  protected int execute(GatewayClient gateway) {
    SpawnAllRequest request;
    try {
      request = JSON.readValue(Files.readString(file), SpawnAllRequest.class);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage());
    }
    GatewayResponse response =
        gateway
            .withRequestTimeout(Duration.ofMinutes(30))
            .post("/api/v1/agents/spawn-all", request);
    SpawnAllResponse results = response.read(SpawnAllResponse.class);
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("AGENT", "STATUS", "MS", "OUTPUT");
      for (AgentResult r : results.results()) {
        String text = r.output() != null ? r.output() : r.error() == null ? "" : r.error();
        table.row(r.agentId(), r.status(), String.valueOf(r.durationMs()), oneLine(text));
      }
      out().print(table.render());
    }
    boolean allSucceeded = results.results().stream().allMatch(r -> "SUCCEEDED".equals(r.status()));
    return allSucceeded ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
