package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.contract.pool.SubmittedJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zo jobs submit KIND ...}: queues a job. {@code shell -- CMD ARGS...} runs a command
 * (through a shell only with {@code --shell}); {@code http METHOD URL} sends a request; {@code
 * --payload JSON} gives any kind's payload as is.
 */
@Command(
    name = "submit",
    description = "Submit a shell, http, agent or skill job to your pool.",
    footer = {
      "%nExamples:",
      "  zo jobs submit shell -- echo hello",
      "  zo jobs submit http GET https://example.com --header Accept=text/html",
      "  zo jobs submit agent --payload '{\"prompt\":\"summarise the news\"}'"
    })
public final class SubmitJobCommand extends GatewayCommand {
  /** The job kinds the pool runs. */
  static final java.util.List<String> KINDS = java.util.List.of("shell", "http", "agent", "skill");

  private static final java.util.Map<String, String> EXAMPLES =
      java.util.Map.of(
          "agent", "'{\"prompt\":\"summarise the news\"}'",
          "skill", "'{\"skill\":\"pdf\",\"script\":\"scripts/x.py\",\"input\":{}}'");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "KIND", description = "shell, http, agent or skill.")
  private String kind;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "shell: the command and its arguments; http: METHOD URL.")
  private List<String> args = new ArrayList<>();

  @Option(names = "--payload", paramLabel = "JSON", description = "The payload as JSON.")
  private String payload;

  @Option(names = "--priority", paramLabel = "N", description = "Higher runs first. Default: 0.")
  private Integer priority;

  @Option(
      names = "--require",
      paramLabel = "KEY=VALUE",
      description = "A label the node must have; repeatable.")
  private Map<String, String> requirements;

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description = "Resubmits return the first job.")
  private String idempotencyKey;

  @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts before DEAD.")
  private Integer maxAttempts;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest an attempt may run.")
  private Integer timeoutS;

  @Option(names = "--shell", description = "shell: run the command line through /bin/sh -c.")
  private boolean shell;

  @Option(
      names = "--env",
      paramLabel = "KEY=VALUE",
      description = "shell: an environment variable; repeatable.")
  private Map<String, String> env;

  @Option(names = "--workdir", paramLabel = "DIR", description = "shell: the working directory.")
  private String workdir;

  @Option(
      names = "--header",
      paramLabel = "NAME=VALUE",
      description = "http: a request header; repeatable.")
  private Map<String, String> headers;

  @Option(names = "--body", paramLabel = "TEXT", description = "http: the request body.")
  private String body;

  @Override
  protected int execute(GatewayClient gateway) {
    SubmitJobRequest request =
        new SubmitJobRequest(
            kind, payload(), priority, requirements, idempotencyKey, maxAttempts, timeoutS);
    GatewayResponse response = gateway.post("/api/v1/jobs", request);
    if (!printedAsJson(response)) {
      SubmittedJob job = response.read(SubmittedJob.class);
      String verb = response.status() == 201 ? "Submitted" : "Already submitted:";
      out().println(verb + " job " + job.id() + " (" + job.status() + ").");
    }
    return ExitCodes.OK;
  }

  private JsonNode payload() {
    if (!KINDS.contains(kind)) {
      throw new CliFailure(
          ExitCodes.USAGE, "unknown job kind '" + kind + "': one of " + String.join(", ", KINDS));
    }
    if (payload != null) {
      try {
        return JSON.readTree(payload);
      } catch (Exception e) {
        throw new CliFailure(ExitCodes.USAGE, "--payload is not JSON: " + e.getMessage());
      }
    }
    ObjectNode node = JSON.createObjectNode();
    switch (kind) {
      case "shell" -> {
        if (args.isEmpty()) {
          throw new CliFailure(
              ExitCodes.USAGE, "shell jobs need a command: zo jobs submit shell -- CMD ARGS...");
        }
        node.put("command", args.get(0));
        args.subList(1, args.size()).forEach(node.putArray("args")::add);
        if (args.size() == 1) {
          node.remove("args");
        }
        if (shell) {
          node.put("shell", true);
        }
        putAll(node, "env", env);
        if (workdir != null) {
          node.put("workdir", workdir);
        }
      }
      case "http" -> {
        if (args.size() != 2) {
          throw new CliFailure(
              ExitCodes.USAGE, "http jobs need METHOD URL: zo jobs submit http GET https://...");
        }
        node.put("method", args.get(0).toUpperCase(java.util.Locale.ROOT));
        node.put("url", args.get(1));
        putAll(node, "headers", headers);
        if (body != null) {
          node.put("body", body);
        }
      }
      default ->
          throw new CliFailure(
              ExitCodes.USAGE, kind + " jobs need --payload JSON, e.g. " + EXAMPLES.get(kind));
    }
    return node;
  }

  private static void putAll(ObjectNode node, String field, Map<String, String> values) {
    if (values != null && !values.isEmpty()) {
      ObjectNode map = node.putObject(field);
      new LinkedHashMap<>(values).forEach(map::put);
    }
  }
}
