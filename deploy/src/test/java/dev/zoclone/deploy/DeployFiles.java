package dev.zoclone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Shared helpers: where the repository is, the facts the files must match, running tools. */
final class DeployFiles {

  /** Every ZoClone service and its HTTP port. */
  static final Map<String, Integer> SERVICE_PORTS =
      Map.of(
          "gateway", 8080,
          "agents", 8081,
          "memory", 8082,
          "skills", 8083,
          "scheduler", 8084,
          "pool", 8085,
          "browser", 8086,
          "supervisor", 8087);

  /** The services that scale out with a HorizontalPodAutoscaler. */
  static final List<String> AUTOSCALED = List.of("agents", "memory", "skills", "pool", "browser");

  static final String LIVENESS_PATH = "/q/health/live";
  static final String READINESS_PATH = "/q/health/ready";

  static final YAMLMapper YAML = new YAMLMapper();

  private DeployFiles() {}

  /**
   * The repository root: the nearest directory at or above the working directory (Maven runs the
   * tests in {@code deploy/}) that holds both {@code docker-compose.yml} and {@code k8s/}.
   */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docker-compose.yml"))
          && Files.isRegularFile(d.resolve("k8s/kustomization.yaml"))) {
        return d;
      }
    }
    throw new IllegalStateException(
        "no directory at or above " + dir + " has docker-compose.yml and k8s/kustomization.yaml");
  }

  static Path dockerfile(String service) {
    return repoRoot()
        .resolve("services")
        .resolve(service)
        .resolve("src/main/docker/Dockerfile.jvm");
  }

  /** Parses a stream of YAML documents ({@code ---} separated), skipping empty ones. */
  static List<JsonNode> yamlDocuments(String text) {
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      List<JsonNode> docs = new ArrayList<>();
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of one external command. */
  record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
  }

  /**
   * Runs a command in {@code workDir} and waits for it (at most 3 minutes). A missing tool fails
   * the test with a message that says how to install it: these checks are never skipped.
   */
  static Result run(Path workDir, String... command) {
    try {
      Path out = Files.createTempFile("zoclone-deploy-", ".out");
      Path err = Files.createTempFile("zoclone-deploy-", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Hermetic: the caller's ZoClone settings or COMPOSE_FILE/COMPOSE_PROJECT_NAME must not
        // change what the files under test say.
        builder
            .environment()
            .keySet()
            .removeIf(k -> k.startsWith("ZO_") || k.startsWith("COMPOSE_"));
        Process process;
        try {
          process = builder.start();
        } catch (IOException e) {
          throw new AssertionError(
              "cannot run "
                  + command[0]
                  + ": it must be on the PATH (docker-compose: `apt-get install -y"
                  + " docker-compose`; kubectl ships kustomize)",
              e);
        }
        process.getOutputStream().close();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish in 3 minutes");
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs a command that must succeed and returns its standard output. */
  static String runOk(Path workDir, String... command) {
    Result result = run(workDir, command);
    assertThat(result.exitCode())
        .as("%s\n%s", String.join(" ", command), result.describe())
        .isZero();
    return result.stdout();
  }
}
