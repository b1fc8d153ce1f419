package dev.zoclone.skills.service;

import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skills.config.SkillsConfig;
import dev.zoclone.skills.repository.SkillRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A version's files: from PostgreSQL (where every replica finds them), materialised once per
 * replica into a local cache folder named by the version's hash.
 */
@ApplicationScoped
public class SkillContents {
  private final SkillRepository repository;
  private final Path cache;

  public SkillContents(SkillRepository repository, SkillsConfig config) {
    this.repository = repository;
    this.cache = Path.of(config.cacheDir()).toAbsolutePath();
  }

  /** The stored archive of a version. */
  public byte[] archive(String hash) {
    return repository
        .archive(hash)
        .orElseThrow(() -> ProblemException.notFound("skill version " + hash));
  }

  /** The files of a version, in memory. */
  public SkillFiles files(String hash) {
    try {
      return SkillArchives.read(archive(hash));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version unpacked in the local cache (unpacked now if it is not there yet). */
  public Path folder(String hash) {
    Path folder = cache.resolve(hash);
    if (Files.isDirectory(folder)) {
      return folder;
    }
    Path staging = cache.resolve(".staging-" + UUID.randomUUID());
    try {
      files(hash).writeTo(staging);
      try {
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
        deleteTree(staging);
      } catch (IOException moved) {
        if (!Files.isDirectory(folder)) {
          throw moved;
        }
        deleteTree(staging);
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot materialise skill version " + hash, e);
    }
  }

  /** Deletes a folder tree, ignoring what is already gone. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
