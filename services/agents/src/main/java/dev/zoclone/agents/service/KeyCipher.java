package dev.zoclone.agents.service;

import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.platform.secrets.PlaceholderSecrets;
import dev.zoclone.platform.secrets.SecretCipher;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Provider keys under the master key ({@link SecretCipher}: AES-256-GCM), each bound to its owner
 * and name as associated data, so a ciphertext copied to another user's row does not decrypt. The
 * master key is replaced at run time by a rotation, after every stored key was re-encrypted under
 * the new one.
 */
@ApplicationScoped
public class KeyCipher {
  private volatile SecretCipher current;

  public KeyCipher(AgentsConfig config) {
    PlaceholderSecrets.refuseInProduction(
        "ZO_MASTER_KEY", config.masterKey(), LaunchMode.current());
    this.current = parse(config.masterKey());
  }

  /** Created at start, so a published example master key stops the service at once. */
  void onStart(@Observes StartupEvent event) {
    // the constructor did the check
  }

  /** A ciphertext, its nonce and the fingerprint of the master key that made it. */
  public record Sealed(byte[] ciphertext, byte[] nonce, String fingerprint) {}

  /** A master key: base64 of exactly 32 bytes. */
  public static SecretCipher parse(String base64) {
    return SecretCipher.fromBase64(base64, "the master key");
  }

  /** The associated data of {@code owner}'s key {@code name}. */
  public static String boundTo(String owner, String name) {
    return owner + "\u0000" + name;
  }

  /** Encrypts under the current master key, bound to {@code associated}. */
  public Sealed seal(String plaintext, String associated) {
    return seal(plaintext, associated, current);
  }

  /** Encrypts under {@code master}, bound to {@code associated}. */
  public Sealed seal(String plaintext, String associated, SecretCipher master) {
    SecretCipher.Sealed sealed = master.seal(plaintext, associated);
    return new Sealed(sealed.ciphertext(), sealed.nonce(), master.fingerprint());
  }

  /** Decrypts with the current master key. */
  public String open(Sealed sealed, String associated) {
    return open(sealed, associated, current);
  }

  /** Decrypts with {@code master}; fails when the ciphertext was made under another key. */
  public String open(Sealed sealed, String associated, SecretCipher master) {
    if (!master.fingerprint().equals(sealed.fingerprint())) {
      throw new IllegalStateException(
          "key sealed under master key " + sealed.fingerprint() + ", not " + master.fingerprint());
    }
    return master.open(new SecretCipher.Sealed(sealed.ciphertext(), sealed.nonce()), associated);
  }

  /** The master key in use. */
  public SecretCipher current() {
    return current;
  }

  /** Makes {@code next} the master key for every later seal and open. */
  public void use(SecretCipher next) {
    this.current = next;
  }

  /** {@code sk-...abcd}: the first three and last four characters, never more. */
  public static String mask(String apiKey) {
    if (apiKey == null || apiKey.isEmpty()) {
      return null;
    }
    if (apiKey.length() < 12) {
      return "...";
    }
    return apiKey.substring(0, 3) + "..." + apiKey.substring(apiKey.length() - 4);
  }
}
