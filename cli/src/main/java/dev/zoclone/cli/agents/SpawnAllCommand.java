package dev.zoclone.cli.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zo agents spawn-all <file>}: runs the agents a JSON file lists ({@code {agents: [{id,
 * prompt, model_name?}], max_concurrency?, timeout_ms?}}) and prints one line per agent, in order.
 */
@Command(name = "spawn-all", description = "Run every agent a JSON file lists, in parallel.")
public final class SpawnAllCommand extends GatewayCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "JSON file (- for stdin): {agents: [{id, prompt, model_name?}], ...}")
  String file;

  @Override
  protected int execute(GatewayClient gateway) {
    SpawnAllRequest request = read();
    if (request.agents() == null || request.agents().isEmpty()) {
      throw new CliFailure(
          ExitCodes.USAGE, source() + " lists no agents: expected {\"agents\": [...]}");
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
        if (r.output() == null && r.error() != null && r.error().length() > 80) {
          err().println(r.agentId() + ": " + r.error().strip());
        }
      }
      out().print(table.render());
    }
    boolean allSucceeded = results.results().stream().allMatch(r -> "SUCCEEDED".equals(r.status()));
    return allSucceeded ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /**
   * The request in the file or stdin; a missing file or bad JSON is a usage error, said plainly.
   */
  private SpawnAllRequest read() {
    String text;
    try {
      text =
          "-".equals(file)
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.USAGE, "no such file: " + file);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new CliFailure(ExitCodes.USAGE, "cannot read " + source() + ": " + e.getMessage());
    }
    try {
      return JSON.readValue(text, SpawnAllRequest.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new CliFailure(
          ExitCodes.USAGE,
          source()
              + " is not a valid spawn-all request"
              + where
              + ": "
              + problem(e)
              + ". Expected {\"agents\": [{\"id\": \"a1\", \"prompt\": \"...\"}]}");
    }
  }

  /** What is wrong, in JSON terms: a field's path and what it should be, never a Java type. */
  private static String problem(JsonProcessingException e) {
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String path =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      return path + " has the wrong type";
    }
    return e.getOriginalMessage().replaceAll("\\s*\\(for Object starting at.*", "");
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }

  private String source() {
    return "-".equals(file) ? "stdin" : file;
  }
}
