package dev.zoclone.agents.keys;

import dev.zoclone.agents.repository.KeyEntity;
import dev.zoclone.agents.repository.KeyRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Re-seals at start the provider keys stored before keys were bound to their owner and name, so
 * that every ciphertext opens only in its own row. A key sealed under another master key is left as
 * it is (and logged): it cannot be read until that key is in use.
 */
@ApplicationScoped
public class KeyBinding {
  private final KeyRepository keys;
  private final KeyCipher cipher;

  public KeyBinding(KeyRepository keys, KeyCipher cipher) {
    this.keys = keys;
    this.cipher = cipher;
  }

  @Transactional
  void onStart(@Observes @Priority(10) StartupEvent event) {
    int bound = bindAll();
    if (bound > 0) {
      Log.infof("%d provider keys re-sealed bound to their owner and name", bound);
    }
  }

  /** Binds every unbound key the current master key opens; returns how many. */
  @Transactional
  public int bindAll() {
    int count = 0;
    for (KeyEntity key : keys.unbound()) {
      try {
        String plain = cipher.open(KeyService.sealed(key), null);
        KeyCipher.Sealed sealed = cipher.seal(plain, KeyCipher.boundTo(key.owner, key.name));
        key.ciphertext = sealed.ciphertext();
        key.nonce = sealed.nonce();
        key.masterFingerprint = sealed.fingerprint();
        key.bound = true;
        count++;
      } catch (IllegalStateException e) {
        Log.warnf(
            "provider key %s of user %s not re-sealed: %s", key.name, key.owner, e.getMessage());
      }
    }
    keys.flush();
    return count;
  }
}
