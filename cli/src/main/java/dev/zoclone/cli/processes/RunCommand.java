package dev.zoclone.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zo run NAME [--http|--tcp] [--port P] [--restart R] [--env K=V]... -- CMD [ARGS...]}:
 * defines a supervised process and starts it in the sandbox.
 */
@Command(
    name = "run",
    description = "Define a supervised process (or hosted service) and start it.")
public final class RunCommand extends GatewayCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The process's name.")
  private String name;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "CMD",
      description = "The command and its arguments, after --.")
  private List<String> command;

  @ArgGroup(exclusive = true)
  private Mode mode;

  @Option(names = "--port", paramLabel = "P", description = "The PORT to give it (--http/--tcp).")
  private Integer port;

  @Option(
      names = "--restart",
      paramLabel = "POLICY",
      description = "always, on-failure (default) or never.")
  private String restart;

  @Option(names = "--env", paramLabel = "K=V", description = "An environment variable.")
  private Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--workdir", paramLabel = "DIR", description = "Start in DIR of its home.")
  private String workdir;

  @Option(names = "--public", description = "Anyone may use its route /p/<you>/<name>/.")
  private boolean everyone;

  /** How the process is judged ready. */
  static final class Mode {
    @Option(names = "--http", description = "An HTTP service: RUNNING once it answers on PORT.")
    boolean http;

    @Option(names = "--tcp", description = "A TCP service: RUNNING once PORT accepts.")
    boolean tcp;
  }

  @Override
  protected int execute(GatewayClient gateway) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("command", command.get(0));
    body.put("args", command.subList(1, command.size()));
    if (!env.isEmpty()) {
      body.put("env", env);
    }
    if (workdir != null) {
      body.put("workdir", workdir);
    }
    body.put("mode", mode == null ? "process" : mode.http ? "http" : "tcp");
    if (port != null) {
      body.put("port", port);
    }
    if (restart != null) {
      body.put("restart", restart);
    }
    if (everyone) {
      body.put("visibility", "public");
    }
    GatewayResponse response = gateway.post("/api/v1/processes", body);
    if (!printedAsJson(response)) {
      JsonNode process = response.read(JsonNode.class);
      ProcessPrinter.print(out(), process);
      if (process.hasNonNull("url")) {
        out().println("url: " + OpenCommand.publicUrl(gateway, process.get("url").asText()));
      }
    }
    return ExitCodes.OK;
  }
}
