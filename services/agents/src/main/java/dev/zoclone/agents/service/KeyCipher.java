package dev.zoclone.agents.service;

import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.platform.secrets.PlaceholderSecrets;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the master key, with a fresh 12-byte nonce per encryption. The master key is
 * replaced at run time by a rotation, after every stored key was re-encrypted under the new one.
 */
@ApplicationScoped
public class KeyCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private volatile MasterKey current;

  public KeyCipher(AgentsConfig config) {
    PlaceholderSecrets.refuseInProduction(
        "ZO_MASTER_KEY", config.masterKey(), LaunchMode.current());
    this.current = MasterKey.parse(config.masterKey());
  }

  /** Created at start, so a published example master key stops the service at once. */
  void onStart(@Observes StartupEvent event) {
    // the constructor did the check
  }

  /** A ciphertext, its nonce and the fingerprint of the master key that made it. */
  public record Sealed(byte[] ciphertext, byte[] nonce, String fingerprint) {}

  /** A 32-byte AES key and its public fingerprint (a SHA-256 prefix, never the key). */
  public record MasterKey(SecretKeySpec key, String fingerprint) {
    /** Parses base64 of exactly 32 bytes. */
    public static MasterKey parse(String base64) {
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(base64.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the master key is not base64");
      }
      if (raw.length != 32) {
        throw new IllegalArgumentException(
            "the master key must be 32 bytes (base64), not " + raw.length);
      }
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
        return new MasterKey(new SecretKeySpec(raw, "AES"), HexFormat.of().formatHex(digest, 0, 8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Encrypts under the current master key. */
  public Sealed seal(String plaintext) {
    return seal(plaintext, current);
  }

  /** Encrypts under {@code master}. */
  public Sealed seal(String plaintext, MasterKey master) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, master.key(), new GCMParameterSpec(TAG_BITS, nonce));
      return new Sealed(
          cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), nonce, master.fingerprint());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Decrypts with the current master key. */
  public String open(Sealed sealed) {
    return open(sealed, current);
  }

  /** Decrypts with {@code master}; fails when the ciphertext was made under another key. */
  public String open(Sealed sealed, MasterKey master) {
    if (!master.fingerprint().equals(sealed.fingerprint())) {
      throw new IllegalStateException(
          "key sealed under master key " + sealed.fingerprint() + ", not " + master.fingerprint());
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, master.key(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed (wrong master key or tampered data)");
    }
  }

  /** The master key in use. */
  public MasterKey current() {
    return current;
  }

  /** Makes {@code next} the master key for every later seal and open. */
  public void use(MasterKey next) {
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
