package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import dev.zoclone.platform.secrets.SecretCipher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * AES-256-GCM ({@link SecretCipher}) for named sessions' cookies and storage, under the browser
 * service's own key: {@code ZO_BROWSER_STATE_KEY}, or one generated once into the key file (mode
 * 0600).
 */
@ApplicationScoped
public class StateCipher {
  private final SecretCipher cipher;

  public StateCipher(BrowserConfig config) {
    this.cipher = cipher(config);
  }

  /** A ciphertext and the nonce it was made with. */
  public record Sealed(byte[] ciphertext, byte[] nonce) {}

  public Sealed seal(String plaintext) {
    SecretCipher.Sealed sealed = cipher.seal(plaintext, null);
    return new Sealed(sealed.ciphertext(), sealed.nonce());
  }

  public String open(Sealed sealed) {
    return cipher.open(new SecretCipher.Sealed(sealed.ciphertext(), sealed.nonce()), null);
  }

  private static SecretCipher cipher(BrowserConfig config) {
    if (config.stateKey().isPresent() && !config.stateKey().get().isBlank()) {
      return SecretCipher.fromBase64(config.stateKey().get(), "zo.browser.state-key");
    }
    Path file = Path.of(config.keyFile());
    try {
      if (Files.exists(file)) {
        return SecretCipher.fromBase64(Files.readString(file), file.toString());
      }
      SecretCipher fresh = SecretCipher.random();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, fresh.keyBase64());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Log.infof("browser: generated the session state key into %s", file);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the state key " + file, e);
    }
  }
}
