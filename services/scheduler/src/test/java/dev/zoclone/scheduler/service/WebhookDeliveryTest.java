package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.NewAutomation;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.scheduler.client.WebhookClient;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class WebhookDeliveryTest {
  private static final String SECRET = "webhook-secret-of-the-test";

  @Inject FiringService firing;
  @Inject WebhookDelivery delivery;
  @Inject Automations automations;
  @Inject AutomationService service;
  @Inject WebhookSecretSealing sealing;

  @BeforeEach
  void pauseOtherTestsAutomations() {
    automations.pauseAll();
  }

  private HttpServer server;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** One request as the receiver saw it. */
  private record Received(
      String path, String signature, String timestamp, String eventId, String body) {}

  @BeforeEach
  void startReceiver() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst(WebhookClient.SIGNATURE),
                  exchange.getRequestHeaders().getFirst(WebhookClient.TIMESTAMP),
                  exchange.getRequestHeaders().getFirst(WebhookClient.EVENT_ID),
                  body));
          String redirect =
              switch (exchange.getRequestURI().getPath()) {
                case "/moved" -> "/hook";
                case "/to-metadata" -> "http://169.254.169.254/latest/meta-data";
                default -> null;
              };
          if (redirect != null) {
            exchange.getResponseHeaders().add("Location", redirect);
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
            return;
          }
          boolean fail =
              exchange.getRequestURI().getPath().equals("/down")
                  || failuresLeft.getAndDecrement() > 0;
          exchange.sendResponseHeaders(fail ? 503 : 204, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A fired webhook run, its automation and the instant it became due for delivery. */
  private record Fired(String automation, String run, Instant at) {}

  private Fired fireWebhook(String path) {
    return fireWebhook("owner-" + UUID.randomUUID(), path);
  }

  private Fired fireWebhook(String owner, String path) {
    String id =
        automations.create(
            owner,
            "FREQ=DAILY",
            "2026-01-01T05:00",
            "skip",
            new AutomationAction("webhook", null, null, url(path), SECRET, null));
    Instant due = automations.nextRunAt(id);
    firing.fireDue(due.plusSeconds(2));
    List<String> runs = automations.runIds(id);
    assertThat(runs).hasSize(1);
    return new Fired(id, runs.get(0), due.plusSeconds(2));
  }

  @Test
  void failedDeliveriesAreRetriedWithBackoffUntilTheReceiverAcceptsASignedBody() {
    failuresLeft.set(2);
    Fired fired = fireWebhook("/hook");
    String run = fired.run();
    assertThat(automations.run(run)).containsExactly("PENDING|0|");

    Instant now = fired.at();
    delivery.deliverDue(now).join();
    assertThat(automations.run(run)).containsExactly("PENDING|1|HTTP 503");
    delivery.deliverDue(now).join(); // the backoff has not elapsed: no attempt
    assertThat(received).hasSize(1);
    delivery.deliverDue(now.plus(Duration.ofSeconds(1))).join();
    delivery.deliverDue(now.plus(Duration.ofSeconds(2))).join();
    assertThat(automations.run(run)).containsExactly("SUCCEEDED|3|HTTP 204");

    assertThat(received).hasSize(3).extracting(Received::eventId).containsOnly(run);
    Received last = received.get(2);
    assertThat(last.signature())
        .isEqualTo(WebhookClient.signature(SECRET, last.timestamp(), last.body()))
        .isNotEqualTo(
            WebhookClient.signature("another-secret-entirely", last.timestamp(), last.body()));
    assertThat(EventJson.read(last.body()).data().path("run_id").asText()).isEqualTo(run);
  }

  @Test
  void aReceiverThatStaysDownFailsTheRunAfterTheLastAttempt() {
    Fired fired = fireWebhook("/down");
    String run = fired.run();
    Instant now = fired.at();
    for (int i = 0; i < 8; i++) {
      delivery.deliverDue(now.plus(Duration.ofMinutes(i))).join();
    }
    assertThat(automations.run(run)).containsExactly("FAILED|5|HTTP 503");
    assertThat(received.stream().filter(r -> r.path().equals("/down"))).hasSize(5);
  }

  @Test
  void aRedirectToAnAllowedAddressIsFollowedWithTheSameSignedPost() {
    Fired fired = fireWebhook("/moved");

    delivery.deliverDue(fired.at()).join();

    assertThat(automations.run(fired.run())).containsExactly("SUCCEEDED|1|HTTP 204");
    assertThat(received).extracting(Received::path).containsExactly("/moved", "/hook");
    Received last = received.get(1);
    assertThat(last.signature())
        .isEqualTo(WebhookClient.signature(SECRET, last.timestamp(), last.body()));
  }

  @Test
  void aRedirectToTheMetadataAddressIsRefusedNotFollowed() {
    Fired fired = fireWebhook("/to-metadata");

    delivery.deliverDue(fired.at()).join();

    assertThat(automations.run(fired.run()))
        .singleElement()
        .asString()
        .startsWith("PENDING|1|EgressRefusedException")
        .contains("169.254.169.254");
    assertThat(received).extracting(Received::path).containsExactly("/to-metadata");
  }

  @Test
  void theSecretIsSealedInItsRowAndAnEditWithoutItStillSignsWithIt() {
    String owner = "owner-" + UUID.randomUUID();
    Fired fired = fireWebhook(owner, "/old");
    String row = automations.rowText(fired.automation());
    assertThat(row)
        .contains(fired.automation())
        .doesNotContain(SECRET)
        .doesNotContain(HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)));
    assertThat(automations.secretKey(fired.automation())).isNotBlank();

    service.update(
        owner,
        fired.automation(),
        new NewAutomation(
            null,
            null,
            null,
            null,
            null,
            new AutomationAction("webhook", null, null, url("/hook"), null, null),
            null,
            null));
    assertThat(automations.rowText(fired.automation())).doesNotContain(SECRET);
    delivery.deliverDue(fired.at()).join();

    assertThat(automations.run(fired.run())).containsExactly("SUCCEEDED|1|HTTP 204");
    Received last = received.get(0);
    assertThat(last.path()).isEqualTo("/hook");
    assertThat(last.signature())
        .isEqualTo(WebhookClient.signature(SECRET, last.timestamp(), last.body()));
  }

  @Test
  void aRowMovedToAnotherOwnerDoesNotDecryptAndItsRunFailsAtOnceWithoutASend() {
    Fired fired = fireWebhook("/hook");
    assertThat(
            automations.update(
                "UPDATE automation SET owner = 'someone-else' WHERE id = ?::uuid",
                fired.automation()))
        .isEqualTo(1);

    delivery.deliverDue(fired.at()).join();
    List<String> failed = automations.run(fired.run());
    assertThat(failed)
        .singleElement()
        .asString()
        .startsWith("FAILED|0|webhook secret unreadable")
        .contains("moved or tampered with");

    delivery.deliverDue(fired.at().plus(Duration.ofHours(1))).join();
    assertThat(automations.run(fired.run())).isEqualTo(failed);
    assertThat(received).isEmpty();
  }

  @Test
  void aPlaintextSecretOfAnOlderVersionIsSealedAtStartOnceAndStillSigns() {
    Fired fired = fireWebhook("/hook");
    String id = fired.automation();
    // the row as the scheduler stored it before secrets were sealed
    automations.update(
        "UPDATE automation SET action = jsonb_set(action::jsonb, '{secret}', to_jsonb('"
            + SECRET
            + "'::text))::text, secret_ciphertext = NULL, secret_nonce = NULL, secret_key = NULL"
            + " WHERE id = ?::uuid",
        id);
    assertThat(automations.rowText(id)).contains(SECRET);

    sealing.sealAll();
    String sealed = automations.rowText(id);
    assertThat(sealed).doesNotContain(SECRET);
    assertThat(automations.secretKey(id)).isNotBlank();
    sealing.sealAll();
    assertThat(automations.rowText(id)).isEqualTo(sealed);

    delivery.deliverDue(fired.at()).join();
    assertThat(automations.run(fired.run())).containsExactly("SUCCEEDED|1|HTTP 204");
    Received last = received.get(0);
    assertThat(last.signature())
        .isEqualTo(WebhookClient.signature(SECRET, last.timestamp(), last.body()));
  }
}
