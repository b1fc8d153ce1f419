package dev.zoclone.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.cli.gateway.GatewayProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints why a command failed on stderr and picks its exit code; never a stack trace. With {@code
 * --json} the gateway's problem is printed as it came, and a failure of zo itself as a problem
 * object too, so scripts parse one format.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    CliFailure failure =
        e instanceof CliFailure f
            ? f
            : new CliFailure(ExitCodes.FAILURE, "zo failed unexpectedly: " + e, e);
    if (json(command)) {
      command.getErr().println(problemJson(failure));
      command.getErr().flush();
    } else {
      command.getErr().println(command.getColorScheme().errorText(failure.getMessage()));
      command.getErr().flush();
    }
    return failure.exitCode();
  }

  private static boolean json(CommandLine command) {
    try {
      return command.getCommandSpec().root().userObject() instanceof ZoCli zo
          && zo.options() != null
          && zo.options().json();
    } catch (CliFailure badFormat) {
      return false; // the failure being reported is the bad -o itself
    }
  }

  private static String problemJson(CliFailure failure) {
    return GatewayProblem.of(failure)
        .map(GatewayProblem::body)
        .filter(body -> body.strip().startsWith("{"))
        .map(String::strip)
        .orElseGet(
            () -> {
              ObjectNode problem = JSON.createObjectNode();
              problem.put("title", "zo failed");
              problem.put("detail", failure.getMessage());
              problem.put("exit_code", failure.exitCode());
              return problem.toString();
            });
  }
}
