package dev.zoclone.supervisor.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Free ports for processes, and the probe that tells when one accepts connections. */
public final class Ports {
  private static final int PROBE_TIMEOUT_MS = 500;

  private Ports() {}

  /** A port free right now. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** Whether nothing listens on {@code port}. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether {@code port} on the loopback accepts a connection and, when {@code http}, answers a
   * request with an HTTP status line.
   */
  public static boolean accepts(int port, boolean http) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MS);
      if (!http) {
        return true;
      }
      socket.setSoTimeout(PROBE_TIMEOUT_MS * 4);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: zoclone-supervisor\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(5);
      return new String(head, StandardCharsets.US_ASCII).equals("HTTP/");
    } catch (IOException e) {
      return false;
    }
  }
}
