package dev.zoclone.cli.pool;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.Settings;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.sandbox.SandboxStatus;
import dev.zoclone.worker.GatewayAccess;
import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.JobRunners;
import dev.zoclone.worker.PoolWorker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zo node}: turns this machine into a worker of the caller's compute pool. */
@Command(
    name = "node",
    description = {
      "Run a compute-pool worker on this machine until stopped.",
      "It takes your shell, http, agent and (where the bubblewrap sandbox works)",
      "skill jobs whose requirements its labels meet; agent and skill jobs reach",
      "the gateway as you. SIGTERM or Ctrl-C lets running jobs finish within",
      "--grace, then hands the rest back to the pool."
    })
public final class NodeCommand extends GatewayCommand {
  @Spec private CommandSpec spec;

  @Option(names = "--name", paramLabel = "NAME", description = "Node name. Default: the host name.")
  private String name;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "A label jobs can require, e.g. --label gpu=a100; repeatable.")
  private Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = "--slots",
      paramLabel = "N",
      defaultValue = "4",
      description = "Jobs run at once. Default: ${DEFAULT-VALUE}.")
  private int slots;

  @Option(
      names = "--grace",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "On shutdown, how long running jobs may finish. Default: ${DEFAULT-VALUE}.")
  private int graceSeconds;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Where skill versions are cached by hash. Default: $ZO_HOME/node-cache.")
  private Path cacheDir;

  @Override
  protected int execute(GatewayClient gateway) {
    if (slots < 1) {
      throw new CliFailure(ExitCodes.USAGE, "--slots must be at least 1");
    }
    GatewayAccess access = access();
    JobRunners runners = JobRunners.local().withAgents(access);
    SandboxStatus sandbox = JobRunners.skillSandbox();
    if (sandbox.available()) {
      Path cache = cacheDir == null ? Settings.fromSystem().home().resolve("node-cache") : cacheDir;
      runners = runners.withSkills(access, cache);
      out().println("sandbox available: skill jobs run here (skills cached under " + cache + ")");
    } else {
      out()
          .println(
              "no skill jobs on this node: the sandbox is not available ("
                  + sandbox.reason()
                  + ")");
    }
    out().flush();
    PoolWorker worker =
        new PoolWorker(GatewayPoolApi.of(access), nodeName(), labels, slots, runners, out());
    Thread main = Thread.currentThread();
    Thread stopper =
        new Thread(
            () -> {
              try {
                worker.shutdown(Duration.ofSeconds(graceSeconds));
                main.join(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "zo-node-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      worker.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.fatalError() != null) {
      Runtime.getRuntime().removeShutdownHook(stopper);
      throw new CliFailure(ExitCodes.FAILURE, worker.fatalError());
    }
    return ExitCodes.OK;
  }

  /**
   * The worker reads the pool's problem types itself, so it calls the gateway with its own client:
   * the URL and token come from {@code --url}/{@code --token}, else ZO_URL/ZO_TOKEN, else the admin
   * token file, as for every command.
   */
  private GatewayAccess access() {
    Settings settings = Settings.fromSystem();
    String url =
        Optional.ofNullable((String) spec.root().findOption("--url").getValue())
            .orElse(settings.gatewayUrl());
    String token =
        Optional.ofNullable((String) spec.root().findOption("--token").getValue())
            .filter(t -> !t.isBlank())
            .or(settings::token)
            .or(() -> read(settings.adminTokenFile()))
            .orElseThrow(
                () ->
                    new CliFailure(
                        ExitCodes.FAILURE,
                        "no API token: pass --token <token>, export ZO_TOKEN=<token>, or start the"
                            + " platform once (bin/zo up) so the gateway writes "
                            + settings.adminTokenFile()));
    URI base;
    try {
      base = new URI(url.strip().replaceAll("/+$", ""));
    } catch (URISyntaxException e) {
      throw new CliFailure(ExitCodes.USAGE, "invalid gateway URL '" + url + "'");
    }
    if (base.getHost() == null
        || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
      throw new CliFailure(ExitCodes.USAGE, "invalid gateway URL '" + url + "'");
    }
    return GatewayAccess.withToken(base, token.strip());
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          .filter(t -> !t.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String nodeName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
