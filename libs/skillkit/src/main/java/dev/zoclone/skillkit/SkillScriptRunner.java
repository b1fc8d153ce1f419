package dev.zoclone.skillkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.zoclone.sandbox.Sandbox;
import dev.zoclone.sandbox.SandboxLimits;
import dev.zoclone.sandbox.SandboxResult;
import dev.zoclone.sandbox.SandboxRunner;
import dev.zoclone.sandbox.SandboxSpec;
import dev.zoclone.sandbox.SandboxStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs one script of an unpacked skill in the bubblewrap sandbox: a fresh writable copy of the
 * folder as the working directory, the JSON input on stdin, no network unless the skill asks for it
 * and the operator allows it, wall-time, CPU, memory, process and file limits, capped output.
 */
public final class SkillScriptRunner {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * One run.
   *
   * @param script the script to run (null: the only one)
   * @param input JSON for stdin (null: nothing)
   * @param args extra arguments
   * @param timeout the wall-time limit
   * @param version the version's hash when known (null: computed from the folder)
   */
  public record Request(
      String script, JsonNode input, List<String> args, Duration timeout, String version) {}

  private final Path scratch;
  private final SandboxRunner runner;
  private final boolean allowNetwork;
  private final SandboxLimits limits;

  /**
   * @param scratch where each run's copy of the skill folder is made (and deleted after)
   * @param outputCapBytes bytes of stdout and of stderr kept
   * @param allowNetwork whether skills that declare {@code metadata.network: "true"} get it
   */
  public SkillScriptRunner(Path scratch, int outputCapBytes, boolean allowNetwork) {
    this(scratch, outputCapBytes, allowNetwork, SandboxLimits.scriptDefaults());
  }

  public SkillScriptRunner(
      Path scratch, int outputCapBytes, boolean allowNetwork, SandboxLimits limits) {
    this.scratch = scratch.toAbsolutePath();
    this.runner = new SandboxRunner(outputCapBytes);
    this.allowNetwork = allowNetwork;
    this.limits = limits;
  }

  /** Whether scripts can run on this host, and why not. */
  public static SandboxStatus sandboxStatus() {
    return Sandbox.probe();
  }

  /** Runs a script of the skill unpacked at {@code folder}. */
  public SkillRunResult run(Path folder, Request request) throws IOException {
    SandboxStatus status = Sandbox.probe();
    if (!status.available()) {
      throw new SandboxUnavailableException(status.reason());
    }
    SkillFiles files = SkillFiles.fromDirectory(folder);
    SkillManifest manifest =
        SkillValidator.require(new SkillFiles(null, new TreeMap<>(files.files())));
    String version = request.version() != null ? request.version() : SkillHash.of(files);
    String script = SkillScripts.choose(SkillScripts.list(folder), request.script());
    boolean legacyCall =
        manifest.legacy()
            && SkillScripts.definesLegacyEntry(
                script, new String(files.files().get(script), StandardCharsets.UTF_8));
    List<String> command =
        SkillScripts.command(
            script, legacyCall, request.args() == null ? List.of() : request.args());
    Duration timeout = request.timeout() == null ? limits.wallTime() : request.timeout();
    SandboxLimits runLimits =
        limits
            .withWallTime(timeout)
            .withCpuSeconds((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
    byte[] stdin =
        request.input() == null || request.input().isNull()
            ? new byte[0]
            : JSON.writeValueAsBytes(request.input());
    Path workdir = scratch.resolve("run-" + UUID.randomUUID());
    try {
      files.writeTo(workdir);
      Sandbox.grantWrite(workdir);
      SandboxSpec spec =
          new SandboxSpec(
              workdir,
              command,
              Map.of(),
              allowNetwork && manifest.wantsNetwork(),
              runLimits,
              List.of(),
              true);
      SandboxResult result = runner.run(spec, stdin);
      return new SkillRunResult(
          null,
          result.exitCode(),
          output(result.stdout(), result.stdoutTruncated()),
          result.stderr(),
          result.durationMs(),
          version,
          script,
          result.stdoutTruncated(),
          result.stderrTruncated(),
          result.timedOut());
    } finally {
      deleteTree(workdir);
    }
  }

  /** Stdout as JSON when it is JSON, else as text. */
  static JsonNode output(String stdout, boolean truncated) {
    if (!truncated && !stdout.isBlank()) {
      try {
        return JSON.readTree(stdout);
      } catch (JsonProcessingException e) {
        // not JSON: answered as text
      }
    }
    return TextNode.valueOf(stdout);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
