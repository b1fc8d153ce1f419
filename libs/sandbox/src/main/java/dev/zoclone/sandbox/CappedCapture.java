package dev.zoclone.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream to its end on its own thread, keeping the first {@code cap} bytes and dropping the
 * rest, so a child that writes without end never blocks on a full pipe.
 */
final class CappedCapture {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int cap;
  private final Thread reader;
  private volatile boolean truncated;

  private CappedCapture(InputStream in, int cap, String name) {
    this.cap = cap;
    this.reader = new Thread(() -> drain(in), name);
    this.reader.setDaemon(true);
  }

  static CappedCapture start(InputStream in, int cap, String name) {
    CappedCapture capture = new CappedCapture(in, cap, name);
    capture.reader.start();
    return capture;
  }

  private void drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    try (in) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        int room = cap - kept.size();
        if (read > room) {
          truncated = true;
        }
        if (room > 0) {
          synchronized (kept) {
            kept.write(buffer, 0, Math.min(read, room));
          }
        }
      }
    } catch (IOException e) {
      // the pipe closed because the tree was killed: what was read is kept
    }
  }

  /** Waits until the stream ended (every writer of the pipe is gone) or {@code millis} passed. */
  void await(long millis) throws InterruptedException {
    reader.join(Math.max(1, millis));
  }

  boolean truncated() {
    return truncated;
  }

  String text() {
    synchronized (kept) {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
