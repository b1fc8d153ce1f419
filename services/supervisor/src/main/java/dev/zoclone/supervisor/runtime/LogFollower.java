package dev.zoclone.supervisor.runtime;

import dev.zoclone.contract.processes.ProcessLogLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hands out the lines appended to a process's logs since it started looking, following the current
 * file across rotations: a renamed file is read to its end before the new one is opened.
 */
public final class LogFollower implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  private final Path dir;
  private final LogStream stream;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private FileChannel channel;
  private Object fileKey;

  /** Starts at the current end of the logs. */
  public LogFollower(Path dir, LogStream stream) throws IOException {
    this.dir = dir;
    this.stream = stream;
    open(true);
  }

  /** Where in the current file this follower starts: what comes before it is history. */
  public long startPosition() throws IOException {
    return channel == null ? 0 : channel.position();
  }

  /** The complete lines written since the last call, oldest first. */
  public List<ProcessLogLine> poll() throws IOException {
    List<ProcessLogLine> lines = new ArrayList<>();
    if (channel == null) {
      open(false);
    }
    if (channel == null) {
      return lines;
    }
    readToEnd(lines);
    Object key = keyOf(LogFiles.current(dir));
    if (key != null && !Objects.equals(key, fileKey)) {
      // Rotated: our file is complete (the writer renames only after closing it).
      readToEnd(lines);
      channel.close();
      partial.reset();
      open(false);
      if (channel != null) {
        readToEnd(lines);
      }
    }
    return lines;
  }

  private void open(boolean atEnd) throws IOException {
    Path current = LogFiles.current(dir);
    while (true) {
      Object before = keyOf(current);
      FileChannel opened;
      try {
        opened = FileChannel.open(current, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        channel = null;
        return;
      }
      if (before != null && before.equals(keyOf(current))) {
        // The file opened is the one whose key we hold: no rotation came in between.
        fileKey = before;
        if (atEnd) {
          opened.position(opened.size());
        }
        channel = opened;
        return;
      }
      opened.close();
    }
  }

  private void readToEnd(List<ProcessLogLine> lines) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    while (channel.read(buffer) > 0) {
      buffer.flip();
      while (buffer.hasRemaining()) {
        byte b = buffer.get();
        if (b == '\n') {
          byte[] bytes = partial.toByteArray();
          partial.reset();
          if (bytes.length > 0 && stream.accepts(bytes[0])) {
            lines.add(LogTail.line(bytes, 0, bytes.length));
          }
        } else {
          partial.write(b);
        }
      }
      buffer.clear();
    }
  }

  private static Object keyOf(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
