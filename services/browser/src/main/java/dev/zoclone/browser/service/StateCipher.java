package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for named sessions' cookies and storage, under the browser service's own key: {@code
 * ZO_BROWSER_STATE_KEY}, or one generated once into the key file (mode 0600).
 */
@ApplicationScoped
public class StateCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  public StateCipher(BrowserConfig config) {
    this.key = new SecretKeySpec(keyBytes(config), "AES");
  }

  /** A ciphertext and the nonce it was made with. */
  public record Sealed(byte[] ciphertext, byte[] nonce) {}

  public Sealed seal(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      return new Sealed(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), nonce);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String open(Sealed sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed (another key, or tampered data)");
    }
  }

  private static byte[] keyBytes(BrowserConfig config) {
    if (config.stateKey().isPresent() && !config.stateKey().get().isBlank()) {
      return decode(config.stateKey().get(), "zo.browser.state-key");
    }
    Path file = Path.of(config.keyFile());
    try {
      if (Files.exists(file)) {
        return decode(Files.readString(file), file.toString());
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Log.infof("browser: generated the session state key into %s", file);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the state key " + file, e);
    }
  }

  private static byte[] decode(String base64, String source) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not base64");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(source + " must be 32 bytes (base64), not " + raw.length);
    }
    return raw;
  }
}
