package dev.zoclone.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.platform.secrets.SecretCipher;
import dev.zoclone.scheduler.repository.AutomationEntity;
import io.quarkus.runtime.LaunchMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretsTest {
  private static final String SECRET = "a-webhook-signing-secret";

  private static AutomationEntity row(String owner) {
    AutomationEntity row = new AutomationEntity();
    row.id = UUID.randomUUID();
    row.owner = owner;
    return row;
  }

  @Test
  void aSealedSecretOpensOnlyInItsOwnRow() {
    WebhookSecrets secrets =
        new WebhookSecrets(SecretCipher.random().keyBase64(), Optional.empty(), LaunchMode.TEST);
    AutomationEntity row = row("alice");
    secrets.seal(row, SECRET);
    assertThat(secrets.open(row)).isEqualTo(SECRET);
    assertThat(new String(row.secretCiphertext, StandardCharsets.ISO_8859_1))
        .doesNotContain(SECRET);

    row.owner = "bob";
    assertThatThrownBy(() -> secrets.open(row))
        .isInstanceOf(WebhookSecrets.UnreadableSecretException.class)
        .hasMessageContaining("moved or tampered with");
    row.owner = "alice";
    row.id = UUID.randomUUID();
    assertThatThrownBy(() -> secrets.open(row))
        .isInstanceOf(WebhookSecrets.UnreadableSecretException.class);
  }

  @Test
  void theFilesKeySealsAndTheConfiguredKeyStillOpensWhatItSealed(@TempDir Path dir)
      throws Exception {
    String oldKey = SecretCipher.random().keyBase64();
    SecretCipher newKey = SecretCipher.random();
    AutomationEntity underOld = row("alice");
    new WebhookSecrets(oldKey, Optional.empty(), LaunchMode.TEST).seal(underOld, SECRET);

    Path file = dir.resolve("master-key");
    Files.writeString(file, newKey.keyBase64() + "\n");
    WebhookSecrets rotated = new WebhookSecrets(oldKey, Optional.of(file), LaunchMode.TEST);
    assertThat(rotated.fingerprint()).isEqualTo(newKey.fingerprint());
    assertThat(rotated.open(underOld)).isEqualTo(SECRET);
    AutomationEntity underNew = row("alice");
    rotated.seal(underNew, SECRET);
    assertThat(underNew.secretKey).isEqualTo(newKey.fingerprint());

    WebhookSecrets newOnly =
        new WebhookSecrets(newKey.keyBase64(), Optional.empty(), LaunchMode.TEST);
    assertThat(newOnly.open(underNew)).isEqualTo(SECRET);
    assertThatThrownBy(() -> newOnly.open(underOld))
        .isInstanceOf(WebhookSecrets.UnreadableSecretException.class)
        .hasMessageContaining("which this service lacks");
  }

  @Test
  void thePublishedExampleKeyIsRefusedOutsideDevAndTests() {
    String example = "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=";
    assertThatThrownBy(() -> new WebhookSecrets(example, Optional.empty(), LaunchMode.NORMAL))
        .hasMessageContaining("ZO_MASTER_KEY");
    assertThat(new WebhookSecrets(example, Optional.empty(), LaunchMode.TEST).fingerprint())
        .isNotBlank();
  }
}
