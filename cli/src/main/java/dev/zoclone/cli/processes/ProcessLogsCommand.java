package dev.zoclone.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zo ps logs NAME [-f] [--tail N] [--stream S]}: a process's output, stderr lines prefixed.
 * (Not {@code zo logs}: {@code bin/zo logs SERVICE} shows the platform's own logs.)
 */
@Command(name = "logs", description = "Show a process's output; -f follows it.")
public final class ProcessLogsCommand extends GatewayCommand {
  @Parameters(paramLabel = "NAME", description = "The process's name.")
  private String name;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines.")
  private boolean follow;

  @Option(names = "--tail", paramLabel = "N", description = "Start with the last N lines (200).")
  private int tail = 200;

  @Option(names = "--stream", paramLabel = "S", description = "stdout, stderr or both (default).")
  private String stream = "both";

  @Override
  protected int execute(GatewayClient gateway) {
    String path =
        "/api/v1/processes/"
            + GatewayClient.pathSegment(name)
            + "/logs?tail="
            + tail
            + "&stream="
            + GatewayClient.pathSegment(stream);
    PrintWriter out = out();
    if (follow) {
      gateway
          .withRequestTimeout(java.time.Duration.ofMinutes(1))
          .follow(
              path + "&follow=true",
              (event, data) -> {
                if ("line".equals(event)) {
                  print(out, Json.read(data, JsonNode.class));
                }
              });
      return ExitCodes.OK;
    }
    for (JsonNode line : gateway.get(path).read(JsonNode.class).path("lines")) {
      print(out, line);
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, JsonNode line) {
    String prefix = "stderr".equals(line.path("stream").asText()) ? "[stderr] " : "";
    out.println(prefix + line.path("text").asText());
    out.flush();
  }
}
