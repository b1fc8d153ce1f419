package dev.zoclone.supervisor.runtime;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Appends a process's lines, stdout and stderr interleaved as they arrive, to {@code output.log}
 * and rotates it by size into {@code output.log.1..n}; a file holds whole lines only. Each line is
 * stored as a stream tag ({@code o} or {@code e}), the text and a newline.
 */
public final class LogWriter implements AutoCloseable {
  /** The tag of stdout lines. */
  public static final byte STDOUT = 'o';

  /** The tag of stderr lines. */
  public static final byte STDERR = 'e';

  private static final int BUFFER = 256 * 1024;

  private final Path dir;
  private final long maxFileBytes;
  private final int maxFiles;
  private final byte[] buffer = new byte[BUFFER];
  private OutputStream out;
  private int buffered;
  private long size;

  public LogWriter(Path dir, long maxFileBytes, int maxFiles) throws IOException {
    this.dir = dir;
    this.maxFileBytes = maxFileBytes;
    this.maxFiles = maxFiles;
    Files.createDirectories(dir);
    Path current = LogFiles.current(dir);
    this.size = Files.exists(current) ? Files.size(current) : 0;
    this.out = new FileOutputStream(current.toFile(), true);
  }

  /** Appends one line (without its newline). */
  public synchronized void line(byte tag, byte[] bytes, int offset, int length) throws IOException {
    long record = length + 2L;
    if (size > 0 && size + record > maxFileBytes) {
      rotate();
    }
    if (buffered + record > buffer.length) {
      drain();
    }
    if (record > buffer.length) {
      out.write(tag);
      out.write(bytes, offset, length);
      out.write('\n');
    } else {
      buffer[buffered++] = tag;
      System.arraycopy(bytes, offset, buffer, buffered, length);
      buffered += length;
      buffer[buffered++] = '\n';
    }
    size += record;
  }

  /** Makes the lines written so far visible to readers. */
  public synchronized void flush() throws IOException {
    drain();
  }

  private void drain() throws IOException {
    if (buffered > 0) {
      out.write(buffer, 0, buffered);
      buffered = 0;
    }
  }

  private void rotate() throws IOException {
    drain();
    out.close();
    Files.deleteIfExists(LogFiles.rotated(dir, maxFiles));
    for (int i = maxFiles - 1; i >= 1; i--) {
      Path from = LogFiles.rotated(dir, i);
      if (Files.exists(from)) {
        Files.move(from, LogFiles.rotated(dir, i + 1), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Path current = LogFiles.current(dir);
    if (maxFiles > 0) {
      Files.move(current, LogFiles.rotated(dir, 1), StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.delete(current);
    }
    out = new FileOutputStream(current.toFile(), true);
    size = 0;
  }

  @Override
  public synchronized void close() throws IOException {
    drain();
    out.close();
  }
}
