package dev.zoclone.platform.secrets;

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
 * AES-256-GCM under one 32-byte key, with a fresh 12-byte nonce per encryption and optional
 * associated data: a ciphertext opens only with the key and the same associated data (say its owner
 * and name), so a row moved to another owner does not decrypt. Shared by every service that stores
 * a secret.
 */
public final class SecretCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String fingerprint;

  private SecretCipher(byte[] raw) {
    this.key = new SecretKeySpec(raw, "AES");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      this.fingerprint = HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A ciphertext and the nonce it was made with. */
  public record Sealed(byte[] ciphertext, byte[] nonce) {}

  /**
   * A cipher under base64 of exactly 32 bytes.
   *
   * @param source what set the key (a setting or a file), named in the message when it is invalid
   */
  public static SecretCipher fromBase64(String base64, String source) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not base64");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(source + " must be 32 bytes (base64), not " + raw.length);
    }
    return new SecretCipher(raw);
  }

  /** A cipher under a fresh random key. */
  public static SecretCipher random() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return new SecretCipher(raw);
  }

  /** The key as base64, to be kept where only the service reads it. */
  public String keyBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The key's public fingerprint: a SHA-256 prefix, never the key. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Encrypts {@code plaintext}; {@code associated} (may be null) must be given again to open. */
  public Sealed seal(String plaintext, String associated) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      if (associated != null) {
        cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      }
      return new Sealed(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), nonce);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Decrypts; fails under another key, other associated data, or tampered data. */
  public String open(Sealed sealed, String associated) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      if (associated != null) {
        cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      }
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "decryption failed (another key, other associated data, or tampered data)");
    }
  }
}
