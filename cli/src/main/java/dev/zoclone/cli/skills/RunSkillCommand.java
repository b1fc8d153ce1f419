package dev.zoclone.cli.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.skills.SkillRunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zo skills run NAME [--script S] [--input JSON|@FILE]}: runs a script of a skill in the
 * sandbox and prints its output; exits 1 when the script exits non-zero.
 */
@Command(name = "run", description = "Run a skill's script with JSON input; prints its output.")
public final class RunSkillCommand extends GatewayCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "NAME", description = "The skill's name.")
  private String name;

  @Option(names = "--script", paramLabel = "S", description = "The script under scripts/.")
  private String script;

  @Option(
      names = "--input",
      paramLabel = "JSON|@FILE",
      description = "The JSON input, or @file to read it from a file.")
  private String input;

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Wall-time limit.")
  private Long timeoutMs;

  @Option(names = "--version", paramLabel = "SHA256", description = "Run an older version.")
  private String version;

  @Override
  protected int execute(GatewayClient gateway) {
    long waitMs = (timeoutMs == null ? 300_000 : timeoutMs) + 30_000;
    GatewayResponse response =
        gateway
            .withRequestTimeout(Duration.ofMillis(waitMs))
            .post(
                "/api/v1/skills/" + GatewayClient.pathSegment(name) + "/run",
                new SkillRunRequest(script, input(), null, timeoutMs, version));
    JsonNode run = response.read(JsonNode.class);
    if (!printedAsJson(response)) {
      JsonNode output = run.path("output");
      out().println(output.isTextual() ? output.asText().stripTrailing() : output.toPrettyString());
      if (!run.path("stderr").asText().isBlank()) {
        err().print(run.path("stderr").asText());
      }
      if (run.path("timed_out").asBoolean()) {
        err().println("timed out after " + run.path("duration_ms").asLong() + " ms");
      }
    }
    int exitCode = run.path("exit_code").asInt();
    if (exitCode != 0 && !json()) {
      err().println("the script exited with " + exitCode);
    }
    return exitCode == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private JsonNode input() {
    if (input == null) {
      return null;
    }
    try {
      String text = input.startsWith("@") ? Files.readString(Path.of(input.substring(1))) : input;
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "--input is not JSON (or its file is unreadable): "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
