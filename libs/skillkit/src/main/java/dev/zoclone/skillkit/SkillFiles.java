package dev.zoclone.skillkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one skill folder held in memory, by relative path ({@code /}-separated), with the
 * folder's name (null when an archive held the files at its root and so named no folder).
 */
public final class SkillFiles {
  private final String folder;
  private final SortedMap<String, byte[]> files;

  public SkillFiles(String folder, SortedMap<String, byte[]> files) {
    this.folder = folder;
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /**
   * Reads a skill folder from disk with the same limits as an archive: regular files only (a link
   * or device is a problem, not followed), at most {@link SkillLimits#MAX_FILES} files and {@link
   * SkillLimits#MAX_UNPACKED_BYTES} bytes.
   */
  public static SkillFiles fromDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidSkillException("folder", dir + " is not a folder");
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    List<SkillProblem> problems = new ArrayList<>();
    long total = 0;
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(path -> !path.equals(dir)).sorted().toList();
    }
    for (Path path : paths) {
      String relative = dir.relativize(path).toString().replace('\\', '/');
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory()) {
        continue;
      }
      if (!attributes.isRegularFile()) {
        problems.add(new SkillProblem(relative, "links and special files are not allowed"));
        continue;
      }
      total += attributes.size();
      if (files.size() >= SkillLimits.MAX_FILES) {
        throw new InvalidSkillException(
            "files", "more than " + SkillLimits.MAX_FILES + " files in the skill");
      }
      if (total > SkillLimits.MAX_UNPACKED_BYTES) {
        throw new InvalidSkillException(
            "files", "more than " + SkillLimits.MAX_UNPACKED_BYTES + " bytes in the skill");
      }
      files.put(relative, Files.readAllBytes(path));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSkillException(problems);
    }
    return new SkillFiles(dir.getFileName().toString(), files);
  }

  /**
   * Writes the files under {@code target} (created if absent), the skill folder's content at its
   * root.
   */
  public void writeTo(Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    for (var file : files.entrySet()) {
      Path path = root.resolve(file.getKey()).normalize();
      if (!path.startsWith(root)) {
        throw new InvalidSkillException(file.getKey(), "path leaves the skill folder");
      }
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
  }

  /** The folder's name, if the files came from a named folder. */
  public Optional<String> folder() {
    return Optional.ofNullable(folder);
  }

  /** The same files under another folder name. */
  public SkillFiles withFolder(String name) {
    return new SkillFiles(name, files);
  }

  /** Every file by relative path, sorted. */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The content of one file, if present. */
  public Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The text of {@code SKILL.md}, if present. */
  public Optional<String> manifestText() {
    return file(SkillLimits.MANIFEST).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** Total bytes of all files. */
  public long totalBytes() {
    return files.values().stream().mapToLong(bytes -> bytes.length).sum();
  }
}
