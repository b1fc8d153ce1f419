package dev.zoclone.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints why a command failed as one line on stderr and picks its exit code; never a stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof CliFailure failure) {
      print(command, failure.getMessage());
      return failure.exitCode();
    }
    print(command, "zo failed unexpectedly: " + e);
    return ExitCodes.FAILURE;
  }

  private static void print(CommandLine command, String message) {
    command.getErr().println(command.getColorScheme().errorText(message));
    command.getErr().flush();
  }
}
