package dev.zoclone.scheduler.service;

import dev.zoclone.platform.secrets.PlaceholderSecrets;
import dev.zoclone.platform.secrets.SecretCipher;
import dev.zoclone.scheduler.config.SchedulerConfig;
import dev.zoclone.scheduler.repository.AutomationEntity;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals webhook secrets under the master key ({@link SecretCipher}: AES-256-GCM) bound to their row
 * ({@code webhook}, owner, automation id) as associated data, so a row moved to another owner does
 * not decrypt. It seals with the master key file's key when there is one, else {@code
 * ZO_MASTER_KEY}, and opens with whichever key it has known a row names by fingerprint; {@link
 * #refresh()} takes a new key from the file (a rotation).
 */
@ApplicationScoped
public class WebhookSecrets {
  private final Map<String, SecretCipher> known = new ConcurrentHashMap<>();
  private final Optional<Path> file;
  private volatile SecretCipher current;
  private volatile FileTime fileSeen;

  @Inject
  public WebhookSecrets(SchedulerConfig config) {
    this(
        config.masterKey(),
        config.masterKeyFile().filter(f -> !f.isBlank()).map(Path::of),
        LaunchMode.current());
  }

  WebhookSecrets(String masterKey, Optional<Path> file, LaunchMode mode) {
    PlaceholderSecrets.refuseInProduction("ZO_MASTER_KEY", masterKey, mode);
    SecretCipher configured = SecretCipher.fromBase64(masterKey, "ZO_MASTER_KEY");
    known.put(configured.fingerprint(), configured);
    this.current = configured;
    this.file = file;
    refresh();
  }

  /**
   * Reads the master key file when it changed since last read; answers whether its key is new, and
   * from then on seals with it (the keys known before still open what they sealed).
   */
  public synchronized boolean refresh() {
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return false;
    }
    try {
      FileTime modified = Files.getLastModifiedTime(file.get());
      if (modified.equals(fileSeen)) {
        return false;
      }
      SecretCipher read =
          SecretCipher.fromBase64(Files.readString(file.get()), "ZO_MASTER_KEY_FILE");
      fileSeen = modified;
      if (read.fingerprint().equals(current.fingerprint())) {
        return false;
      }
      known.put(read.fingerprint(), read);
      current = read;
      Log.infof("master key file %s: now sealing under %s", file.get(), read.fingerprint());
      return true;
    } catch (IOException | IllegalArgumentException e) {
      Log.warnf("master key file %s not read: %s", file.get(), e.getMessage());
      return false;
    }
  }

  /** The associated data of a webhook secret: the row's kind, owner and id. */
  static String boundTo(AutomationEntity automation) {
    return "webhook\u0000" + automation.owner + "\u0000" + automation.id;
  }

  /** Stores {@code secret} sealed in the automation's row, or clears it when null. */
  public void seal(AutomationEntity automation, String secret) {
    if (secret == null) {
      automation.secretCiphertext = null;
      automation.secretNonce = null;
      automation.secretKey = null;
      return;
    }
    SecretCipher master = current;
    SecretCipher.Sealed sealed = master.seal(secret, boundTo(automation));
    automation.secretCiphertext = sealed.ciphertext();
    automation.secretNonce = sealed.nonce();
    automation.secretKey = master.fingerprint();
  }

  /** The fingerprints of the master keys known here other than the one that seals now. */
  public Set<String> olderFingerprints() {
    Set<String> older = new HashSet<>(known.keySet());
    older.remove(current.fingerprint());
    return older;
  }

  /** The fingerprint of the master key that seals now. */
  public String fingerprint() {
    return current.fingerprint();
  }

  /**
   * The row's secret, or null when it has none.
   *
   * @throws UnreadableSecretException when no known master key opens it for this row (another key,
   *     or the row was moved to another owner or id)
   */
  public String open(AutomationEntity automation) {
    if (automation.secretCiphertext == null) {
      return null;
    }
    SecretCipher master = known.get(String.valueOf(automation.secretKey));
    if (master == null) {
      throw new UnreadableSecretException(
          "sealed under master key " + automation.secretKey + ", which this service lacks");
    }
    try {
      return master.open(
          new SecretCipher.Sealed(automation.secretCiphertext, automation.secretNonce),
          boundTo(automation));
    } catch (IllegalStateException e) {
      throw new UnreadableSecretException(
          "it does not open for this automation and owner (moved or tampered with)");
    }
  }

  /** A webhook secret no known master key opens for its row. */
  public static final class UnreadableSecretException extends RuntimeException {
    UnreadableSecretException(String message) {
      super("webhook secret unreadable: " + message);
    }
  }
}
