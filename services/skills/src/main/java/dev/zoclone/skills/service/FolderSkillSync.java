package dev.zoclone.skills.service;

import dev.zoclone.skillkit.InvalidSkillException;
import dev.zoclone.skillkit.SkillFiles;
import dev.zoclone.skills.config.SkillsConfig;
import dev.zoclone.skills.repository.SkillRepository;
import dev.zoclone.skills.repository.SkillRow;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the shared skills of the two folder sources (the repository's {@code skills/} and {@code
 * $ZO_HOME/skills}) in step with the folders: a cheap fingerprint (paths, sizes, modification
 * times) is taken every scan interval, and only a folder whose fingerprint changed is read again; a
 * folder that disappeared takes its skill with it.
 */
@ApplicationScoped
public class FolderSkillSync {
  private final SkillInstaller installer;
  private final SkillRepository repository;
  private final Map<SkillSource, Path> roots = new LinkedHashMap<>();
  private final Map<Path, String> fingerprints = new HashMap<>();
  private final Map<SkillSource, String> rootFingerprints = new HashMap<>();

  public FolderSkillSync(
      SkillInstaller installer, SkillRepository repository, SkillsConfig config) {
    this.installer = installer;
    this.repository = repository;
    config.repoDir().ifPresent(dir -> roots.put(SkillSource.REPO, Path.of(dir).toAbsolutePath()));
    config.homeDir().ifPresent(dir -> roots.put(SkillSource.HOME, Path.of(dir).toAbsolutePath()));
  }

  void onStart(@Observes StartupEvent start) {
    roots.forEach((source, root) -> Log.infof("skills from %s: %s", source.id(), root));
    scan();
  }

  /** One pass over every folder source. */
  @Scheduled(
      every = "${zo.skills.scan-interval}",
      delayed = "${zo.skills.scan-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public synchronized void scan() {
    roots.forEach(this::scan);
  }

  private void scan(SkillSource source, Path root) {
    Map<String, Path> folders = new HashMap<>();
    StringBuilder whole = new StringBuilder();
    Map<Path, String> now = new HashMap<>();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> children = Files.list(root)) {
          for (Path folder : children.sorted().toList()) {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(folder.resolve("SKILL.md"))) {
              String fingerprint = fingerprint(folder);
              now.put(folder, fingerprint);
              folders.put(folder.getFileName().toString(), folder);
              whole.append(folder).append('=').append(fingerprint).append('\n');
            }
          }
        }
      }
    } catch (IOException e) {
      Log.warnf("cannot scan %s: %s", root, e.getMessage());
      return;
    }
    if (whole.toString().equals(rootFingerprints.get(source))) {
      return;
    }
    Set<String> installed = new HashSet<>();
    for (var folder : folders.entrySet()) {
      String fingerprint = now.get(folder.getValue());
      if (fingerprint.equals(fingerprints.get(folder.getValue()))) {
        installed.add(folder.getKey());
        continue;
      }
      try {
        installer.installFolder(source, SkillFiles.fromDirectory(folder.getValue()));
        installed.add(folder.getKey());
      } catch (InvalidSkillException e) {
        Log.warnf("skipping skill folder %s: %s", folder.getValue(), e.getMessage());
      } catch (IOException | RuntimeException e) {
        Log.warnf("cannot read skill folder %s: %s", folder.getValue(), e.toString());
        return;
      }
      fingerprints.put(folder.getValue(), fingerprint);
    }
    removeGone(source, installed);
    rootFingerprints.put(source, whole.toString());
  }

  private void removeGone(SkillSource source, Set<String> present) {
    for (SkillRow row : repository.ofSource(source.id())) {
      if (!present.contains(row.name())) {
        Log.infof("skill %s left %s", row.name(), source.id());
        repository.delete(row.id());
      }
    }
  }

  private static String fingerprint(Path folder) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted().toList()) {
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        text.append(folder.relativize(path))
            .append(':')
            .append(attributes.size())
            .append(':')
            .append(attributes.lastModifiedTime().toMillis())
            .append(';');
      }
    }
    return text.toString();
  }
}
