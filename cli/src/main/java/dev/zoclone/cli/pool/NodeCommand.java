package dev.zoclone.cli.pool;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.Profiles;
import dev.zoclone.cli.Settings;
import dev.zoclone.cli.TokenResolver;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.sandbox.SandboxStatus;
import dev.zoclone.worker.GatewayAccess;
import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.JobRunners;
import dev.zoclone.worker.PoolWorker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    GatewayAccess access = access(gateway);
    JobRunners runners = JobRunners.local().withAgents(access);
    SandboxStatus sandbox = JobRunners.skillSandbox();
    if (sandbox.available()) {
      Path cache = cacheDir == null ? settings().home().resolve("node-cache") : cacheDir;
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
    try {
      worker.runUntilShutdown(Duration.ofSeconds(graceSeconds));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.fatalError() != null) {
      throw new CliFailure(ExitCodes.FAILURE, worker.fatalError());
    }
    return ExitCodes.OK;
  }

  /**
   * The worker reads the pool's problem types itself, so it calls the gateway with its own client:
   * the gateway's URL as for every command, and the token of {@code --token}, ZO_TOKEN or a profile
   * of {@code zo login} only. A node never falls back to the admin-token file: its jobs would
   * silently run as the admin.
   */
  private GatewayAccess access(GatewayClient gateway) {
    Settings settings = settings();
    TokenResolver.Resolved token =
        TokenResolver.resolveGiven((String) spec.root().findOption("--token").getValue(), settings)
            .or(
                () ->
                    Profiles.resolved(
                        settings, (String) spec.root().findOption("--profile").getValue()))
            .orElseThrow(
                () ->
                    new CliFailure(
                        ExitCodes.USAGE,
                        "zo node runs jobs as the user whose token it has: pass --token <token>,"
                            + " export ZO_TOKEN=<token> or zo login. It does not fall back to "
                            + settings.adminTokenFile()
                            + "; to run the admin's jobs, pass that token explicitly."));
    out().println("node token from " + token.source());
    return GatewayAccess.withToken(gateway.baseUrl(), token.value());
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
