package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.skillkit.InvalidSkillException;
import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skillkit.SkillHash;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The skill versions this node ran, unpacked under its cache folder by hash: a version is fetched
 * through the gateway ({@code GET /api/v1/skills/{name}/archive?version=}) once, checked (the
 * archive by libs/skillkit's safe reader, its files against the hash they are filed under), and
 * reused by every later job that names it.
 */
final class SkillCache {
  private static final Pattern HASH = Pattern.compile("[A-Za-z0-9:_-]{8,128}");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final GatewayAccess gateway;
  private final Path root;
  private final HttpClient http;

  SkillCache(GatewayAccess gateway, Path root) {
    this.gateway = gateway;
    this.root = root.toAbsolutePath();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A version ready to run: its folder and hash. */
  record Cached(Path folder, String version, SkillFiles files) {}

  /** Why a version could not be had; {@code retryable} when another attempt may get it. */
  static final class FetchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    FetchFailure(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }

    boolean retryable() {
      return retryable;
    }
  }

  /** The skill's {@code version} (its current one when null), from the cache or fetched into it. */
  Cached get(String skill, String version) throws FetchFailure, IOException, InterruptedException {
    String wanted = version == null ? currentVersion(skill) : checkedHash(version, "version");
    Path folder = root.resolve(directoryName(wanted));
    if (Files.isDirectory(folder)) {
      return new Cached(folder, wanted, SkillFiles.fromDirectory(folder));
    }
    HttpResponse<byte[]> response =
        send(
            "/api/v1/skills/"
                + GatewayAccess.encode(skill)
                + "/archive?version="
                + GatewayAccess.encode(wanted),
            skill);
    String served = response.headers().firstValue("X-Zo-Skill-Version").orElse(wanted);
    if (!served.equals(wanted)) {
      throw new FetchFailure(
          "the gateway served version " + served + " of skill " + skill + ", not " + wanted, true);
    }
    SkillFiles files;
    try {
      files = SkillArchives.read(response.body());
    } catch (InvalidSkillException e) {
      throw new FetchFailure(
          "the archive of skill " + skill + " is invalid: " + e.getMessage(), false);
    }
    String hash = SkillHash.of(files);
    if (!hash.equals(wanted)) {
      throw new FetchFailure(
          "the archive of skill " + skill + " hashes to " + hash + ", not " + wanted, true);
    }
    store(files, folder);
    return new Cached(folder, wanted, SkillFiles.fromDirectory(folder));
  }

  private String currentVersion(String skill)
      throws FetchFailure, IOException, InterruptedException {
    HttpResponse<byte[]> response = send("/api/v1/skills/" + GatewayAccess.encode(skill), skill);
    JsonNode detail = WorkerJson.tree(new String(response.body(), StandardCharsets.UTF_8));
    String version = detail == null ? "" : detail.path("version").asText("");
    return checkedHash(version, "the gateway's version of skill " + skill);
  }

  private HttpResponse<byte[]> send(String path, String skill)
      throws FetchFailure, IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            gateway.request(path).timeout(REQUEST_TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    int status = response.statusCode();
    if (status >= 400) {
      JsonNode problem = WorkerJson.tree(new String(response.body(), StandardCharsets.UTF_8));
      String detail = problem == null ? "" : problem.path("detail").asText("");
      boolean retryable = status >= 500 || status == 408 || status == 429;
      throw new FetchFailure(
          "cannot fetch skill "
              + skill
              + ": HTTP "
              + status
              + (detail.isEmpty() ? "" : ": " + detail),
          retryable);
    }
    return response;
  }

  /** Writes the files to a fresh folder, then moves it into place; another writer's copy wins. */
  private void store(SkillFiles files, Path folder) throws IOException {
    Files.createDirectories(root);
    Path partial = root.resolve(".partial-" + UUID.randomUUID());
    try {
      files.writeTo(partial);
      try {
        Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, folder);
      }
    } catch (java.nio.file.FileAlreadyExistsException
        | java.nio.file.DirectoryNotEmptyException e) {
      // another job cached the same version meanwhile: the same files
    } finally {
      deleteTree(partial);
    }
  }

  private static String checkedHash(String hash, String what) throws FetchFailure {
    if (!HASH.matcher(hash).matches()) {
      throw new FetchFailure(what + " is not a skill version hash: '" + hash + "'", false);
    }
    return hash;
  }

  private static String directoryName(String hash) {
    return hash.replace(':', '-');
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
