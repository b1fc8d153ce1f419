package dev.zoclone.agents.keys;

import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.platform.secrets.PlaceholderSecrets;
import dev.zoclone.platform.secrets.SecretCipher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider keys under the master key ({@link SecretCipher}: AES-256-GCM), each bound to its owner
 * and name as associated data, so a ciphertext copied to another user's row does not decrypt.
 *
 * <p>It seals with the newest master key it knows and opens with whichever known key a ciphertext
 * names by fingerprint. The keys it knows: {@code ZO_MASTER_KEY}, the master key file ({@code
 * ZO_MASTER_KEY_FILE}, re-read when it changes) and the key of a rotation made in this replica. A
 * rotation re-encrypts every stored key under the new key in one transaction; the other replicas
 * follow once the new key is in their file: they seal with it and open what it sealed.
 */
@ApplicationScoped
public class KeyCipher {
  private final Optional<Path> file;
  private final Map<String, SecretCipher> known = new ConcurrentHashMap<>();
  private volatile SecretCipher current;
  private volatile FileTime fileSeen;

  @Inject
  public KeyCipher(AgentsConfig config) {
    this(
        config.masterKey(),
        config.masterKeyFile().filter(f -> !f.isBlank()).map(Path::of),
        LaunchMode.current());
  }

  KeyCipher(String masterKey, Optional<Path> file, LaunchMode mode) {
    PlaceholderSecrets.refuseInProduction("ZO_MASTER_KEY", masterKey, mode);
    this.file = file;
    use(parse(masterKey));
    refresh();
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
    refresh();
    return seal(plaintext, associated, current);
  }

  /** Encrypts under {@code master}, bound to {@code associated}. */
  public Sealed seal(String plaintext, String associated, SecretCipher master) {
    SecretCipher.Sealed sealed = master.seal(plaintext, associated);
    return new Sealed(sealed.ciphertext(), sealed.nonce(), master.fingerprint());
  }

  /** Decrypts with the known master key that sealed it; fails when none did. */
  public String open(Sealed sealed, String associated) {
    SecretCipher master = known.get(sealed.fingerprint());
    if (master == null) {
      refresh();
      master = known.get(sealed.fingerprint());
    }
    if (master == null) {
      throw new IllegalStateException(
          "key sealed under master key " + sealed.fingerprint() + ", which this replica lacks");
    }
    return open(sealed, associated, master);
  }

  /** Decrypts with {@code master}; fails when the ciphertext was made under another key. */
  public String open(Sealed sealed, String associated, SecretCipher master) {
    if (!master.fingerprint().equals(sealed.fingerprint())) {
      throw new IllegalStateException(
          "key sealed under master key " + sealed.fingerprint() + ", not " + master.fingerprint());
    }
    return master.open(new SecretCipher.Sealed(sealed.ciphertext(), sealed.nonce()), associated);
  }

  /** The master key new keys are sealed under. */
  public SecretCipher current() {
    refresh();
    return current;
  }

  /** Makes {@code next} the master key for every later seal; earlier keys still open. */
  public void use(SecretCipher next) {
    known.put(next.fingerprint(), next);
    this.current = next;
  }

  /** Takes the file's key as the current one when the file changed since last read. */
  private void refresh() {
    if (file.isEmpty()) {
      return;
    }
    try {
      FileTime modified = Files.getLastModifiedTime(file.get());
      if (modified.equals(fileSeen)) {
        return;
      }
      synchronized (this) {
        if (modified.equals(fileSeen)) {
          return;
        }
        SecretCipher read = parse(Files.readString(file.get()));
        if (!read.fingerprint().equals(current.fingerprint())) {
          Log.infof("master key file %s: now sealing under %s", file.get(), read.fingerprint());
        }
        use(read);
        fileSeen = modified;
      }
    } catch (NoSuchFileException e) {
      // no file (yet): the keys known so far stay in use
    } catch (IOException | IllegalArgumentException e) {
      Log.warnf("master key file %s not read: %s", file.get(), e.getMessage());
    }
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
