package dev.zoclone.agents.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real HTTP server that answers every request with its headers at once and then its body one byte
 * every 200 ms (a declared length of 100,000 bytes, or an event stream that never completes an
 * event): a provider no request timeout of the JDK client bounds. It counts the connections the
 * client closed while it was still trickling.
 */
public final class TricklingServer implements AutoCloseable {
  private static final Pattern STREAMED = Pattern.compile("\"stream\"\\s*:\\s*true");

  private final HttpServer server;
  private final AtomicInteger cutOff = new AtomicInteger();
  private final CountDownLatch stop = new CountDownLatch(1);

  public TricklingServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::trickle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Connections the client closed before the body ended. */
  public int cutOff() {
    return cutOff.get();
  }

  private void trickle(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    boolean streamed = STREAMED.matcher(request).find();
    byte[] piece;
    if (streamed) {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      piece = ":".getBytes(StandardCharsets.US_ASCII);
    } else {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 100_000);
      piece = " ".getBytes(StandardCharsets.US_ASCII);
    }
    OutputStream body = exchange.getResponseBody();
    try {
      for (int i = 0; i < 100_000; i++) {
        body.write(piece);
        body.flush();
        if (stop.await(200, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (IOException e) {
      cutOff.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    stop.countDown();
    server.stop(0);
  }
}
