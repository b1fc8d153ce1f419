package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.sandbox.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code shell} job: the command and its arguments directly (through {@code /bin/sh -c} only
 * when the payload asks for {@code shell: true}), with its env and workdir, killed at its timeout
 * or on cancellation; stdout and stderr are captured, capped. The job sees only the node's {@link
 * #INHERITED} variables and the payload's {@code env}, never the node's token or other secrets.
 */
final class ShellJobRunner {
  /** The node's environment variables a shell job inherits; everything else is cleared. */
  static final List<String> INHERITED = List.of("PATH", "HOME", "LANG");

  private ShellJobRunner() {}

  /** Runs the job; {@code running} receives the process so that a cancellation can kill it. */
  static JobOutcome run(JsonNode payload, Integer timeoutS, RunningJob running)
      throws InterruptedException {
    return run(payload, timeoutS, running, System.getenv());
  }

  /** Runs the job as a node whose environment is {@code nodeEnv}. */
  static JobOutcome run(
      JsonNode payload, Integer timeoutS, RunningJob running, Map<String, String> nodeEnv)
      throws InterruptedException {
    List<String> command = command(payload);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.clear();
    for (String name : INHERITED) {
      String value = nodeEnv.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    payload
        .path("env")
        .fields()
        .forEachRemaining(e -> builder.environment().put(e.getKey(), e.getValue().asText()));
    if (payload.hasNonNull("workdir")) {
      builder.directory(new File(payload.get("workdir").asText()));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return JobOutcome.failure(
          "cannot start " + command.get(0) + ": " + e.getMessage(), false, null);
    }
    running.attach(process);
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try {
      process.getOutputStream().close(); // jobs get no stdin
    } catch (IOException e) {
      // the process already exited; nothing to close
    }
    boolean finished =
        timeoutS == null ? waitFor(process) : process.waitFor(timeoutS, TimeUnit.SECONDS);
    if (!finished) {
      kill(process);
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("exit_code", process.exitValue());
    result.put("stdout", text(stdout));
    result.put("stderr", text(stderr));
    if (running.cancelled()) {
      return JobOutcome.failure("cancelled", false, result);
    }
    if (!finished) {
      return JobOutcome.failure("timed out after " + timeoutS + "s", true, result);
    }
    if (process.exitValue() != 0) {
      return JobOutcome.failure("exit code " + process.exitValue(), true, result);
    }
    return JobOutcome.success(result);
  }

  /** Kills the process and everything it started. */
  static void kill(Process process) {
    ProcessTree.kill(process.toHandle());
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> command(JsonNode payload) {
    List<String> args = new ArrayList<>();
    payload.path("args").forEach(a -> args.add(a.asText()));
    String command = payload.path("command").asText();
    if (payload.path("shell").asBoolean(false)) {
      String line = String.join(" ", prepend(command, args));
      return List.of("/bin/sh", "-c", line);
    }
    return prepend(command, args);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static boolean waitFor(Process process) throws InterruptedException {
    process.waitFor();
    return true;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return CappedText.read(in);
          } catch (IOException e) {
            return "[output lost: " + e.getMessage() + "]";
          }
        });
  }

  private static String text(CompletableFuture<String> output) throws InterruptedException {
    try {
      return output.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return "[output lost]";
    }
  }
}
