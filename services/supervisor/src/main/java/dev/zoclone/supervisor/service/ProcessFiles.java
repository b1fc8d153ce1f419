package dev.zoclone.supervisor.service;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a deleted process's home and logs. */
final class ProcessFiles {
  private ProcessFiles() {}

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ProcessFiles::deleteOne);
    } catch (IOException e) {
      Log.warnf("cannot delete %s: %s", dir, e.getMessage());
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      Log.warnf("cannot delete %s: %s", path, e.getMessage());
    }
  }
}
