package dev.zoclone.supervisor.runtime;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drains one output pipe of a process into its {@link LogWriter}, line by line, on its own thread:
 * it reads as fast as the process writes, so the process never waits on a full pipe for long.
 */
public final class LogPump implements Runnable {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final byte tag;
  private final LogWriter writer;
  private final byte[] line;
  private int lineLength;

  public LogPump(InputStream in, byte tag, LogWriter writer, int maxLineBytes) {
    this.in = in;
    this.tag = tag;
    this.writer = writer;
    this.line = new byte[maxLineBytes];
  }

  /** Starts pumping on a new thread named after the process. */
  public Thread start(String name) {
    Thread thread = new Thread(this, "log-" + name + "-" + (char) tag);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[CHUNK];
    try (in) {
      int read;
      while ((read = in.read(chunk)) >= 0) {
        consume(chunk, read);
        writer.flush();
      }
      if (lineLength > 0) {
        writer.line(tag, line, 0, lineLength);
        lineLength = 0;
      }
      writer.flush();
    } catch (IOException e) {
      Log.debugf("log pipe closed: %s", e.getMessage());
    }
  }

  private void consume(byte[] chunk, int length) throws IOException {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (chunk[i] == '\n') {
        append(chunk, start, i - start);
        writer.line(tag, line, 0, lineLength);
        lineLength = 0;
        start = i + 1;
      }
    }
    append(chunk, start, length - start);
  }

  /** Adds to the pending line; a line longer than the cap is written in pieces. */
  private void append(byte[] chunk, int from, int count) throws IOException {
    while (count > 0) {
      int room = line.length - lineLength;
      if (room == 0) {
        writer.line(tag, line, 0, lineLength);
        lineLength = 0;
        room = line.length;
      }
      int taken = Math.min(room, count);
      System.arraycopy(chunk, from, line, lineLength, taken);
      lineLength += taken;
      from += taken;
      count -= taken;
    }
  }
}
