package dev.zoclone.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads output up to a cap, so a chatty job cannot fill the node's memory or the pool's rows. */
final class CappedText {
  /** Most bytes kept of each stream (stdout, stderr, an HTTP body). */
  static final int MAX_BYTES = 64 * 1024;

  private CappedText() {}

  /** The stream's text up to the cap, marked when cut; the rest is read and dropped. */
  static String read(InputStream in) throws IOException {
    byte[] kept = in.readNBytes(MAX_BYTES);
    long dropped = in.transferTo(OutputSink.INSTANCE);
    String text = new String(kept, StandardCharsets.UTF_8);
    return dropped > 0 ? text + "\n[... " + dropped + " more bytes dropped]" : text;
  }

  /** Discards what it is given. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {
      // dropped: past the cap
    }

    @Override
    public void write(byte[] b, int off, int len) {
      // dropped: past the cap
    }
  }
}
