package dev.zoclone.testing.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket per thread, for benchmark load generators:
 * the JDK's client spends about 2 ms of CPU per request on its asynchronous machinery, which on a
 * 2-core machine is taken from the service under test. Sends a POST with a JSON body and reads a
 * response framed by Content-Length or chunked encoding.
 */
public final class PlainHttp {
  private final String host;
  private final int port;
  private final String fixedHeaders;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();

  /** A response's status and body. */
  public record Response(int status, String body) {}

  /** {@code headers}: extra header lines sent with every request, each ending in CRLF. */
  public PlainHttp(URI base, String headers) {
    this.host = base.getHost();
    this.port = base.getPort();
    this.fixedHeaders = "Host: " + host + ":" + port + "\r\n" + headers;
  }

  /** POSTs {@code body} as JSON on this thread's connection, opening it on first use. */
  public Response post(String path, String body) {
    Connection connection = connections.get();
    try {
      if (connection == null) {
        connection = new Connection(new Socket(host, port));
        connections.set(connection);
      }
      return connection.post(path, body);
    } catch (IOException e) {
      connections.remove();
      throw new UncheckedIOException("POST " + path, e);
    }
  }

  private final class Connection {
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    Response post(String path, String body) throws IOException {
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\n"
              + fixedHeaders
              + "Content-Type: application/json\r\nContent-Length: "
              + payload.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase();
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      byte[] content = chunked ? chunks() : in.readNBytes(Math.max(length, 0));
      return new Response(status, new String(content, StandardCharsets.UTF_8));
    }

    private byte[] chunks() throws IOException {
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        content.write(in.readNBytes(size));
        line();
      }
      line();
      return content.toByteArray();
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("connection closed by the server");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
