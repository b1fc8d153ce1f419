package dev.zoclone.gateway.aborts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.TestCallers;
import dev.zoclone.gateway.client.ServiceReplicas;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up in the middle of a request, while others upload at the same time through the
 * same HTTP/2 connections from the gateway to the service: only the requests that were given up on
 * may end, never their neighbours on the shared connection.
 */
@QuarkusTest
@TestProfile(AbortedUploadsProfile.class)
class AbortedUploadsTest {
  private static final int BODY_BYTES = 256 * 1024;
  private static final int SENT_BEFORE_HANGING_UP = 64 * 1024;
  private static final int CLIENTS_PER_ROUND = 40;
  private static final int ROUNDS = 8;

  @TestHTTPResource("/")
  URI gateway;

  @Inject ServiceReplicas replicas;

  @ConfigProperty(name = UploadService.REPLICAS)
  String replicaUrls;

  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS_PER_ROUND);

  /** Ways a client gives up on its request. */
  private enum HangUp {
    /** Resets its connection after a quarter of the request body. */
    RESET_MID_REQUEST,
    /** Closes its connection after a quarter of the request body. */
    CLOSE_MID_REQUEST,
    /** Sends the whole request, reads a part of the response, resets its connection. */
    RESET_MID_RESPONSE,
    /** Sends the head of its request only, then resets its connection. */
    RESET_AFTER_HEAD
  }

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void clientsHangingUpMidRequestDoNotFailOtherRequestsOnTheSharedConnection() throws Exception {
    String token = TestCallers.adminToken();
    List<String> failures = new ArrayList<>();
    int completed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < CLIENTS_PER_ROUND; i++) {
        if (i % 2 == 0) {
          answers.add(clients.submit(() -> upload(token, go)));
        } else {
          HangUp style = HangUp.values()[(i / 2 + round) % HangUp.values().length];
          clients.submit(() -> hangUp(token, go, style));
        }
      }
      go.countDown();
      for (Future<Answer> future : answers) {
        Answer answer = future.get(2, TimeUnit.MINUTES);
        completed++;
        if (!answer.head().startsWith("HTTP/1.1 200 ") || answer.bodyBytes() != BODY_BYTES) {
          failures.add("round " + round + ": " + answer);
        }
      }
    }

    assertThat(completed).isEqualTo(ROUNDS * CLIENTS_PER_ROUND / 2);
    assertThat(failures).as("whole uploads that did not get their whole echo").isEmpty();
    // A client that hangs up says nothing about the service: both replicas still take requests.
    for (String url : replicaUrls.split(",")) {
      assertThat(replicas.ready("agents", URI.create(url))).as("replica %s is ready", url).isTrue();
    }
  }

  /** A response as a client read it: the head, and how many bytes of body followed it. */
  private record Answer(String head, int bodyBytes, String body) {
    @Override
    public String toString() {
      return head.lines().findFirst().orElse("") + " with " + bodyBytes + " bytes: " + body;
    }
  }

  /** Sends a whole body and reads the whole response. */
  private Answer upload(String token, CountDownLatch go) throws Exception {
    try (Socket socket = connect()) {
      go.await();
      OutputStream out = socket.getOutputStream();
      out.write(head(token, "close"));
      out.write(new byte[BODY_BYTES]);
      out.flush();
      byte[] response = socket.getInputStream().readAllBytes();
      String text = new String(response, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return new Answer(text, 0, "");
      }
      String body = text.substring(end + 4);
      return new Answer(
          text.substring(0, end), body.length(), body.substring(0, Math.min(200, body.length())));
    }
  }

  private Void hangUp(String token, CountDownLatch go, HangUp style) throws Exception {
    try (Socket socket = connect()) {
      go.await();
      OutputStream out = socket.getOutputStream();
      out.write(head(token, "keep-alive"));
      switch (style) {
        case RESET_MID_REQUEST, CLOSE_MID_REQUEST -> out.write(new byte[SENT_BEFORE_HANGING_UP]);
        case RESET_MID_RESPONSE -> {
          out.write(new byte[BODY_BYTES]);
          out.flush();
          readSome(socket.getInputStream(), SENT_BEFORE_HANGING_UP);
        }
        case RESET_AFTER_HEAD -> {}
      }
      out.flush();
      if (style != HangUp.CLOSE_MID_REQUEST) {
        // A reset, not an orderly close: the gateway learns at once that nobody waits any more.
        socket.setSoLinger(true, 0);
      }
    } catch (IOException e) {
      // The gateway may have hung up first; either way this request was given up on.
    }
    return null;
  }

  private static void readSome(InputStream in, int bytes) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (read.size() < bytes && (n = in.read(buffer)) > 0) {
      read.write(buffer, 0, n);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(gateway.getHost(), gateway.getPort());
    socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(2));
    return socket;
  }

  private byte[] head(String token, String connection) {
    return ("POST /api/v1/agents/uploads HTTP/1.1\r\n"
            + "Host: "
            + gateway.getHost()
            + ":"
            + gateway.getPort()
            + "\r\n"
            + "Authorization: Bearer "
            + token
            + "\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Length: "
            + BODY_BYTES
            + "\r\n"
            + "Connection: "
            + connection
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
