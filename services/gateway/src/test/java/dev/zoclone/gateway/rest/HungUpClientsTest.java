package dev.zoclone.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.FakeServices;
import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up on their exchanges at any moment (before the answer, on its first byte,
 * after all of it) never cost another client its answer. The gateway's keep-alive connections to
 * the service are shared one exchange after another: ending a finished exchange's request must not
 * close the connection the next exchange already uses (which answered that one 502).
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class HungUpClientsTest {
  private static final int HANGING_CLIENTS = 4;
  private static final int ANSWERED_CLIENTS = 2;
  private static final int ASKS_PER_ANSWERED_CLIENT = 1500;

  @TestHTTPResource("/")
  URI gateway;

  @Test
  void clientsThatHangUpNeverCostAnotherClientItsAnswer() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(HANGING_CLIENTS + ANSWERED_CLIENTS);
    try {
      List<Future<?>> hanging = new ArrayList<>();
      for (int i = 0; i < HANGING_CLIENTS; i++) {
        String token = newToken();
        hanging.add(threads.submit(() -> hangUpUntil(token, done)));
      }
      List<Future<Integer>> answered = new ArrayList<>();
      for (int i = 0; i < ANSWERED_CLIENTS; i++) {
        String token = newToken();
        answered.add(threads.submit(() -> askAndCheck(token, wrong)));
      }
      int asked = 0;
      for (Future<Integer> client : answered) {
        asked += client.get(5, TimeUnit.MINUTES);
      }
      done.set(true);
      int hangUps = 0;
      for (Future<?> client : hanging) {
        hangUps += (Integer) client.get(1, TimeUnit.MINUTES);
      }

      assertThat(asked).isEqualTo(ANSWERED_CLIENTS * ASKS_PER_ANSWERED_CLIENT);
      assertThat(hangUps).as("exchanges hung up on").isGreaterThan(1000);
      assertThat(wrong).as("answers other than the service's 201").isEmpty();
    } finally {
      done.set(true);
      threads.shutdownNow();
    }
  }

  /** A token of its own for each client, so that no client meets another's rate limit. */
  private static String newToken() {
    return TestCallers.newUser("hung-up").getString("token");
  }

  /**
   * Requests with a body, each of which the service answers 201: every answer must be that (a
   * client over its rate limit waits as told and asks again).
   */
  private int askAndCheck(String token, ConcurrentLinkedQueue<String> wrong) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve(FakeServices.ANSWERS_PATH + "/201"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"kept\"}"))
            .build();
    for (int i = 0; i < ASKS_PER_ANSWERED_CLIENT; i++) {
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      while (answer.statusCode() == 429) {
        Thread.sleep(
            1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
        answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      }
      if (answer.statusCode() != 201) {
        wrong.add(answer.statusCode() + " " + answer.body());
      }
    }
    return ASKS_PER_ANSWERED_CLIENT;
  }

  /**
   * Sends requests on raw connections and resets each (RST, no orderly close) at a random moment:
   * before reading anything, on the first byte of the answer, or after reading what has come.
   */
  private int hangUpUntil(String token, AtomicBoolean done) throws IOException {
    byte[] request =
        ("GET "
                + FakeServices.ANSWERS_PATH
                + "/200 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[4096];
    int hangUps = 0;
    while (!done.get()) {
      try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
        socket.setSoLinger(true, 0);
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = socket.getInputStream();
        switch (ThreadLocalRandom.current().nextInt(3)) {
          case 0 -> {}
          case 1 -> in.read();
          default -> in.read(buffer);
        }
      }
      hangUps++;
    }
    return hangUps;
  }
}
