package dev.zoclone.supervisor.runtime;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the sandboxes a supervisor launched for a process, by the marker variable in the host-side
 * environment of each one ({@code /proc/<pid>/environ}), and stops them: what a previous run of the
 * supervisor, or a replica that died, left behind.
 */
public final class LeftoverProcesses {
  /** The marker variable: its value is the process's id. */
  public static final String MARKER = "ZO_SUPERVISOR_PROCESS";

  private static final Path PROC = Path.of("/proc");

  private LeftoverProcesses() {}

  /** Pids of running sandboxes marked with {@code processId}. */
  public static List<Long> find(String processId) {
    byte[] marker = (MARKER + "=" + processId).getBytes(StandardCharsets.UTF_8);
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        if (hasVariable(entry.resolve("environ"), marker)) {
          found.add(Long.parseLong(entry.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      Log.warnf("cannot list /proc: %s", e.getMessage());
    }
    return found;
  }

  /** Stops every sandbox marked with {@code processId}; answers how many there were. */
  public static int stopAll(String processId, Duration grace) {
    List<Long> pids = find(processId);
    for (long pid : pids) {
      ProcessHandle.of(pid)
          .ifPresent(
              handle -> {
                Log.infof("stopping leftover pid %d of process %s", pid, processId);
                ProcessTree.terminate(handle, grace);
              });
    }
    return pids.size();
  }

  private static boolean hasVariable(Path environ, byte[] marker) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(environ);
    } catch (IOException | SecurityException e) {
      // Gone meanwhile, or a kernel thread: not ours.
      return false;
    }
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == 0) {
        if (i - start == marker.length
            && Arrays.equals(bytes, start, i, marker, 0, marker.length)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }
}
