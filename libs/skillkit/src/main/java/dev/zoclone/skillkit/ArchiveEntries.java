package dev.zoclone.skillkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects an archive's entries under the skill limits: checks each name and type before its
 * content is read, counts files and unpacked bytes as they are read, and finds the skill folder
 * (the archive's root, or its only top-level folder).
 */
final class ArchiveEntries {
  private final SortedMap<String, byte[]> files = new TreeMap<>();
  private final Set<String> topLevel = new LinkedHashSet<>();
  private final List<SkillProblem> problems = new ArrayList<>();
  private long unpackedBytes;

  /** Whether a name is acceptable; records a problem when it is not. Returns the clean path. */
  String checkName(String raw) {
    if (raw.indexOf('\0') >= 0 || raw.indexOf('\\') >= 0) {
      problems.add(
          new SkillProblem(raw, "backslashes and NUL characters are not allowed in paths"));
      return null;
    }
    if (raw.startsWith("/") || raw.matches("^[A-Za-z]:.*")) {
      problems.add(new SkillProblem(raw, "absolute paths are not allowed"));
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : raw.split("/")) {
      if (segment.equals("..")) {
        problems.add(new SkillProblem(raw, "the path leaves the skill folder (..)"));
        return null;
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      return null;
    }
    topLevel.add(segments.get(0));
    return String.join("/", segments);
  }

  /** Records an entry that is neither a file nor a folder (a link, device, fifo, ...). */
  void refuse(String raw, String what) {
    problems.add(new SkillProblem(raw, what + " are not allowed in a skill"));
  }

  /** Checks a declared size before any content is read. */
  void checkDeclaredSize(String path, long declared) {
    if (declared > SkillLimits.MAX_UNPACKED_BYTES) {
      throw new InvalidSkillException(
          path, "declares " + declared + " bytes, over the " + limitText() + " limit");
    }
  }

  /** Reads one file's content, stopping as soon as the skill's byte limit would be passed. */
  void addFile(String path, InputStream content) throws IOException {
    if (files.containsKey(path)) {
      problems.add(new SkillProblem(path, "appears twice in the archive"));
      return;
    }
    if (files.size() >= SkillLimits.MAX_FILES) {
      throw new InvalidSkillException(
          "archive", "more than " + SkillLimits.MAX_FILES + " files in the skill");
    }
    long budget = SkillLimits.MAX_UNPACKED_BYTES - unpackedBytes;
    byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
    if (bytes.length > budget) {
      throw new InvalidSkillException("archive", "unpacks to more than " + limitText());
    }
    unpackedBytes += bytes.length;
    files.put(path, bytes);
  }

  /** The skill's files, or every problem found; {@code archiveBytes} is the archive's own size. */
  SkillFiles finish(long archiveBytes) {
    if (unpackedBytes > SkillLimits.RATIO_CHECK_FLOOR_BYTES
        && unpackedBytes > archiveBytes * SkillLimits.MAX_COMPRESSION_RATIO) {
      problems.add(
          new SkillProblem(
              "archive",
              "unpacks to more than "
                  + SkillLimits.MAX_COMPRESSION_RATIO
                  + " times its size (a compression bomb?)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSkillException(problems);
    }
    if (files.containsKey(SkillLimits.MANIFEST)) {
      return new SkillFiles(null, files);
    }
    if (topLevel.size() == 1) {
      String folder = topLevel.iterator().next();
      String prefix = folder + "/";
      if (files.containsKey(prefix + SkillLimits.MANIFEST)) {
        SortedMap<String, byte[]> inside = new TreeMap<>();
        files.forEach((path, bytes) -> inside.put(path.substring(prefix.length()), bytes));
        return new SkillFiles(folder, inside);
      }
    }
    throw new InvalidSkillException(
        SkillLimits.MANIFEST, "no SKILL.md at the archive's root or in its only top-level folder");
  }

  private static String limitText() {
    return SkillLimits.MAX_UNPACKED_BYTES / (1024 * 1024) + " MB";
  }
}
