package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.scheduler.client.WebhookClient;
import dev.zoclone.scheduler.config.SchedulerConfig;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One user's receivers that never answer (a socket that accepts and stays silent) or that send
 * headers and then trickle the body must not delay another user's webhook, and each of their
 * attempts ends at the deadline.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class WebhookFairnessTest {
  private static final String SECRET = "webhook-secret-of-the-test";

  @Inject FiringService firing;
  @Inject WebhookDelivery delivery;
  @Inject Automations automations;
  @Inject SchedulerConfig config;

  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger blackholed = new AtomicInteger();
  private final AtomicInteger trickled = new AtomicInteger();
  private final AtomicInteger tricklesCutOff = new AtomicInteger();
  private final List<String> fastReceived = new CopyOnWriteArrayList<>();
  private ServerSocket blackhole;
  private ServerSocket trickle;
  private HttpServer fast;

  @BeforeEach
  void startReceivers() throws IOException {
    automations.pauseAll();
    InetAddress loopback = InetAddress.getLoopbackAddress();
    blackhole = new ServerSocket(0, 200, loopback);
    trickle = new ServerSocket(0, 200, loopback);
    accept(blackhole, socket -> blackholed.incrementAndGet());
    accept(trickle, this::trickleForever);
    fast = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    fast.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          fastReceived.add(exchange.getRequestHeaders().getFirst(WebhookClient.EVENT_ID));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    fast.start();
  }

  @AfterEach
  void stopReceivers() throws IOException {
    fast.stop(0);
    blackhole.close();
    trickle.close();
    for (Socket socket : held) {
      socket.close();
    }
  }

  @Test
  void slowReceiversOfOneUserDoNotDelayAnotherUsersWebhook() {
    String slowOwner = "owner-slow-" + UUID.randomUUID();
    int slowRuns = config.webhook().batchSize() + 4; // more than one pass can take
    List<String> slowIds = new ArrayList<>();
    for (int i = 0; i < slowRuns; i++) {
      ServerSocket target = i % 2 == 0 ? blackhole : trickle;
      slowIds.add(create(slowOwner, "http://127.0.0.1:" + target.getLocalPort() + "/hook"));
    }
    Instant due = automations.nextRunAt(slowIds.get(0));
    firing.fireDue(due.plusSeconds(2)); // the slow user's runs are the oldest due
    // claimed in creation order, so the user's share in flight holds both kinds of receiver
    automations.attemptsInOrder(slowIds);
    String fastId = create("owner-fast-" + UUID.randomUUID(), fastUrl());
    Instant now = due.plusSeconds(3);
    firing.fireDue(now);
    String fastRun = automations.runIds(fastId).get(0);

    Duration deadline = config.webhook().timeout();
    long started = System.nanoTime();
    CompletableFuture.runAsync(() -> delivery.deliverDue(now));

    // on time: well before any slow attempt can have reached its deadline
    await()
        .atMost(deadline.minusSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> automations.run(fastRun).equals(List.of("SUCCEEDED|1|HTTP 204")));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(deadline);
    assertThat(fastReceived).containsExactly(fastRun);

    // the slow user has at most its share in flight, and each attempt ends at the deadline,
    // the trickled body included
    int share = config.webhook().maxInFlightPerOwner();
    await()
        .atMost(deadline.plusSeconds(20))
        .until(
            () ->
                slowIds.stream()
                        .flatMap(id -> automations.runIds(id).stream())
                        .filter(run -> automations.run(run).get(0).contains("timed out"))
                        .count()
                    == share);
    assertThat(blackholed.get() + trickled.get()).isEqualTo(share);
    assertThat(trickled.get()).isPositive();
    await().atMost(Duration.ofSeconds(10)).until(() -> tricklesCutOff.get() == trickled.get());
    assertThat(
            slowIds.stream()
                .flatMap(id -> automations.runIds(id).stream())
                .map(run -> automations.run(run).get(0))
                .filter(state -> state.startsWith("PENDING|0|"))
                .count())
        .isEqualTo(slowRuns - share);
  }

  private String create(String owner, String url) {
    return automations.create(
        owner,
        "FREQ=DAILY",
        "2026-01-01T05:00",
        "skip",
        new AutomationAction("webhook", null, null, url, SECRET, null));
  }

  private String fastUrl() {
    return "http://127.0.0.1:" + fast.getAddress().getPort() + "/hook";
  }

  /** What a receiver does with each connection. */
  private interface Handler {
    void handle(Socket socket) throws IOException;
  }

  private void accept(ServerSocket server, Handler handler) {
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  held.add(socket);
                  Thread worker =
                      new Thread(
                          () -> {
                            try {
                              handler.handle(socket);
                            } catch (IOException e) {
                              // the client hung up
                            }
                          });
                  worker.setDaemon(true);
                  worker.start();
                } catch (IOException e) {
                  return; // closed at the end of the test
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Reads the request, sends headers promising a large body, then one byte every 200 ms. */
  private void trickleForever(Socket socket) throws IOException {
    trickled.incrementAndGet();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    StringBuilder request = new StringBuilder();
    while (!request.toString().contains("\r\n\r\n")) {
      int n = in.read(buffer);
      if (n < 0) {
        return;
      }
      request.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    }
    OutputStream out = socket.getOutputStream();
    out.write(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    try {
      while (true) {
        out.write('x');
        out.flush();
        Thread.sleep(200);
      }
    } catch (IOException e) {
      tricklesCutOff.incrementAndGet(); // the client closed the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
