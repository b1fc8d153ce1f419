package dev.zoclone.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that a path is sent exactly as written ({@code %ZZ} included,
 * which {@link java.net.http.HttpClient} refuses to send). Reads the whole answer, as a
 * well-behaved client does (a stream a case happens to open is read until the socket's timeout),
 * and keeps the body of an error answer.
 */
final class RawHttp {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** What came back: the status (0 when nothing did), headers in lower case, an error's body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  static Answer send(String baseUrl, String token, String method, String rawPath, String body)
      throws IOException {
    URI base = URI.create(baseUrl);
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      head.append("Authorization: Bearer ").append(token).append("\r\n");
      head.append("Accept: application/json\r\n");
      if (body != null) {
        head.append("Content-Type: application/json\r\n");
      }
      head.append("Content-Length: ").append(content.length).append("\r\n");
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(socket);
    }
  }

  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    if (statusLine == null || !statusLine.startsWith("HTTP/")) {
      return new Answer(0, Map.of(), "no answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new HashMap<>();
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
    }
    // A stream that a case opened is read for a while, not for the whole of the first timeout.
    socket.setSoTimeout(10_000);
    try {
      String body = body(in, headers);
      return new Answer(status, headers, status < 400 ? "" : body);
    } catch (SocketTimeoutException e) {
      // An answer that streams on (an event stream) has said what it is with its status.
      return new Answer(status, headers, "");
    }
  }

  private static String body(InputStream in, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      for (String size = line(in); size != null; size = line(in)) {
        int length = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (length == 0) {
          break;
        }
        byte[] chunk = in.readNBytes(length);
        if (out.size() < MAX_ERROR_BODY) {
          out.write(chunk);
        }
        line(in);
      }
    } else if (headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length"));
      out.write(in.readNBytes(Math.min(length, MAX_ERROR_BODY)));
    } else {
      out.write(in.readNBytes(MAX_ERROR_BODY));
    }
    in.transferTo(OutputStream.nullOutputStream());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }
}
