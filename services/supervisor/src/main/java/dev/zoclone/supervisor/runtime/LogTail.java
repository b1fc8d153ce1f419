package dev.zoclone.supervisor.runtime;

import dev.zoclone.contract.processes.ProcessLogLine;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the last lines of a process's logs, across its rotated files. */
public final class LogTail {
  private LogTail() {}

  /**
   * The last {@code count} lines of {@code stream}, oldest first; of the current file only its
   * first {@code currentLimit} bytes count (what a follower starting there has not yet seen).
   */
  public static List<ProcessLogLine> read(Path dir, int count, LogStream stream, long currentLimit)
      throws IOException {
    List<ProcessLogLine> newestFirst = new ArrayList<>();
    boolean current = true;
    for (Path file : LogFiles.newestFirst(dir)) {
      if (newestFirst.size() >= count) {
        break;
      }
      byte[] bytes = read(file, current ? currentLimit : Long.MAX_VALUE);
      current = false;
      int end = bytes.length;
      // A line still being written (no newline yet) is not returned.
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      while (end > 0 && newestFirst.size() < count) {
        int start = end - 1;
        while (start > 0 && bytes[start - 1] != '\n') {
          start--;
        }
        if (end - 1 > start && stream.accepts(bytes[start])) {
          newestFirst.add(line(bytes, start, end - 1));
        }
        end = start;
      }
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** A stored line from {@code start} (its tag) to {@code end} (its newline, exclusive). */
  static ProcessLogLine line(byte[] bytes, int start, int end) {
    return new ProcessLogLine(
        LogStream.nameOf(bytes[start]),
        new String(bytes, start + 1, end - start - 1, StandardCharsets.UTF_8));
  }

  private static byte[] read(Path file, long limit) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      int length = (int) Math.min(Math.min(in.length(), limit), Integer.MAX_VALUE - 16);
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      return bytes;
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      // Rotated away meanwhile.
      return new byte[0];
    }
  }
}
