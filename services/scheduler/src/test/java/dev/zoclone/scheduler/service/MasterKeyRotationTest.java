package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.platform.secrets.SecretCipher;
import dev.zoclone.scheduler.Automations;
import dev.zoclone.scheduler.client.WebhookClient;
import dev.zoclone.scheduler.repository.AutomationRepository;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@TestProfile(MasterKeyRotationTest.WithKeyFile.class)
class MasterKeyRotationTest {
  private static final String SECRET = "webhook-secret-across-rotation";
  private static final String TEST_KEY = "dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmchISE=";
  private static final Path KEY_FILE = keyFile();

  /** The master key also in a file, which the test replaces as an operator's rotation does. */
  public static class WithKeyFile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "zo.scheduler.master-key-file",
          KEY_FILE.toString(),
          "zo.scheduler.master-key-check",
          "1s");
    }
  }

  private static Path keyFile() {
    try {
      Path file = Files.createTempFile("scheduler-master-key", "");
      Files.writeString(file, TEST_KEY);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Inject Automations automations;
  @Inject FiringService firing;
  @Inject WebhookDelivery delivery;
  @Inject AutomationRepository repository;

  @Test
  void aNewKeyInTheFileReSealsEverySecretSoItOpensWithoutTheOldKey() throws Exception {
    automations.pauseAll();
    List<String[]> received = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new String[] {
                exchange.getRequestHeaders().getFirst(WebhookClient.SIGNATURE),
                exchange.getRequestHeaders().getFirst(WebhookClient.TIMESTAMP),
                body
              });
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      String id =
          automations.create(
              "owner-" + UUID.randomUUID(),
              "FREQ=DAILY",
              "2026-01-01T05:00",
              "skip",
              new AutomationAction("webhook", null, null, url, SECRET, null));
      String oldKey = SecretCipher.fromBase64(TEST_KEY, "test").fingerprint();
      assertThat(automations.secretKey(id)).isEqualTo(oldKey);

      SecretCipher newKey = SecretCipher.random();
      Files.writeString(KEY_FILE, newKey.keyBase64());
      Files.setLastModifiedTime(KEY_FILE, FileTime.from(Instant.now().plusSeconds(5)));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> newKey.fingerprint().equals(automations.secretKey(id)));
      assertThat(automations.rowText(id)).doesNotContain(SECRET);

      WebhookSecrets newKeyOnly =
          new WebhookSecrets(newKey.keyBase64(), Optional.empty(), LaunchMode.TEST);
      String opened =
          QuarkusTransaction.requiringNew()
              .call(() -> newKeyOnly.open(repository.findById(UUID.fromString(id))));
      assertThat(opened).isEqualTo(SECRET);

      Instant due = automations.nextRunAt(id).plusSeconds(2);
      firing.fireDue(due);
      delivery.deliverDue(due).join();
      assertThat(automations.run(automations.runIds(id).get(0)))
          .containsExactly("SUCCEEDED|1|HTTP 204");
      String[] last = received.get(0);
      assertThat(last[0]).isEqualTo(WebhookClient.signature(SECRET, last[1], last[2]));
    } finally {
      server.stop(0);
    }
  }
}
