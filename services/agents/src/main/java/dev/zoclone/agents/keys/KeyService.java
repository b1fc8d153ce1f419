package dev.zoclone.agents.keys;

import dev.zoclone.agents.keys.KeyCipher.Sealed;
import dev.zoclone.agents.models.Provider;
import dev.zoclone.agents.repository.KeyEntity;
import dev.zoclone.agents.repository.KeyRepository;
import dev.zoclone.contract.agents.KeyRequest;
import dev.zoclone.contract.agents.KeyView;
import dev.zoclone.platform.egress.EgressPolicy;
import dev.zoclone.platform.json.TextRules;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.platform.secrets.SecretCipher;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The key vault: stores keys encrypted, lists them masked, resolves them for one owner. */
@ApplicationScoped
public class KeyService {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
  private static final int MAX_API_KEY_CHARS = 4_096;
  private static final int MAX_BASE_URL_CHARS = 2_048;
  private static final int MAX_MODEL_CHARS = 200;

  private final KeyRepository keys;
  private final KeyCipher cipher;
  private final EgressPolicy egress;
  private final TransactionSynchronizationRegistry transaction;
  private final RecentLookups<OwnedName, ResolvedKey> recent =
      new RecentLookups<>(Duration.ofSeconds(1), 10_000);

  public KeyService(
      KeyRepository keys,
      KeyCipher cipher,
      EgressPolicy egress,
      TransactionSynchronizationRegistry transaction) {
    this.keys = keys;
    this.cipher = cipher;
    this.egress = egress;
    this.transaction = transaction;
  }

  private record OwnedName(String owner, String name) {}

  /** Creates or replaces the owner's key {@code name}. */
  @Transactional
  public KeyView put(String owner, String name, KeyRequest request) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ProblemException.badRequest(
          "name", "must be 1-63 lower-case letters, digits, '.', '_' or '-'");
    }
    if (request == null) {
      throw ProblemException.badRequest("provider", "is required");
    }
    Provider provider = Provider.parse(request.provider());
    TextRules.requireAtMost("api_key", request.apiKey(), MAX_API_KEY_CHARS);
    TextRules.requireAtMost("base_url", request.baseUrl(), MAX_BASE_URL_CHARS);
    TextRules.requireAtMost("default_model", request.defaultModel(), MAX_MODEL_CHARS);
    String apiKey = blankToNull(request.apiKey());
    String baseUrl = blankToNull(request.baseUrl());
    if (apiKey == null && provider.needsApiKey()) {
      throw ProblemException.badRequest("api_key", "is required for " + provider.apiName());
    }
    if (baseUrl == null && provider.defaultBaseUrl() == null) {
      throw ProblemException.badRequest("base_url", "is required for " + provider.apiName());
    }
    if (baseUrl != null) {
      egress.checkUrl("base_url", baseUrl);
    }
    KeyEntity key = keys.find(owner, name).orElseGet(KeyEntity::new);
    if (key.id == null) {
      key.id = UUID.randomUUID().toString();
      key.owner = owner;
      key.name = name;
      key.createdAt = Instant.now();
    }
    key.provider = provider.apiName();
    key.baseUrl = baseUrl;
    key.defaultModel = blankToNull(request.defaultModel());
    if (apiKey == null) {
      key.ciphertext = null;
      key.nonce = null;
      key.masterFingerprint = null;
      key.masked = null;
    } else {
      Sealed sealed = cipher.seal(apiKey, KeyCipher.boundTo(owner, name));
      key.ciphertext = sealed.ciphertext();
      key.nonce = sealed.nonce();
      key.masterFingerprint = sealed.fingerprint();
      key.masked = KeyCipher.mask(apiKey);
    }
    key.bound = true;
    key.updatedAt = Instant.now();
    keys.persist(key);
    recent.forgetAtCommit(new OwnedName(owner, name), transaction);
    Log.infof("key %s of user %s stored (%s)", name, owner, key.provider);
    return view(key);
  }

  /** The owner's keys, masked. */
  @Transactional
  public List<KeyView> list(String owner) {
    return keys.ofOwner(owner).stream().map(KeyService::view).toList();
  }

  /** Deletes the owner's key; 404 when there is none. */
  @Transactional
  public void delete(String owner, String name) {
    KeyEntity key =
        keys.find(owner, name).orElseThrow(() -> ProblemException.notFound("key " + name));
    keys.delete(key);
    recent.forgetAtCommit(new OwnedName(owner, name), transaction);
  }

  /**
   * The owner's key {@code name}, decrypted, or empty; read at most once a second per key (the
   * several model calls of one ask resolve the same key), in a transaction only when read.
   */
  public Optional<ResolvedKey> resolve(String owner, String name) {
    return recent.get(
        new OwnedName(owner, name),
        k ->
            QuarkusTransaction.joiningExisting()
                .call(() -> keys.find(k.owner(), k.name()).map(this::decrypt)));
  }

  /** The owner's keys, decrypted, for listing models. */
  @Transactional
  public List<ResolvedKey> all(String owner) {
    return keys.ofOwner(owner).stream().map(this::decrypt).toList();
  }

  /**
   * Re-encrypts every stored key under {@code newMasterKey} (base64 of 32 bytes) in one
   * transaction, then makes it the master key; returns how many keys were re-encrypted.
   */
  @Transactional
  public synchronized int rotateMasterKey(String newMasterKey) {
    SecretCipher next;
    try {
      next = KeyCipher.parse(newMasterKey == null ? "" : newMasterKey);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("new_master_key", e.getMessage());
    }
    String old = cipher.current().fingerprint();
    int count = 0;
    for (KeyEntity key : keys.withSecret()) {
      String plain;
      try {
        plain = cipher.open(sealed(key), associated(key));
      } catch (IllegalStateException e) {
        // Unreadable already (moved, altered or under another key): it stays unreadable.
        Log.warnf("key %s of user %s left as it is: %s", key.name, key.owner, e.getMessage());
        continue;
      }
      Sealed resealed = cipher.seal(plain, KeyCipher.boundTo(key.owner, key.name), next);
      key.bound = true;
      key.ciphertext = resealed.ciphertext();
      key.nonce = resealed.nonce();
      key.masterFingerprint = resealed.fingerprint();
      count++;
    }
    keys.flush();
    cipher.use(next);
    recent.clear();
    Log.infof(
        "master key rotated from %s to %s: %d keys re-encrypted", old, next.fingerprint(), count);
    return count;
  }

  private ResolvedKey decrypt(KeyEntity key) {
    Provider provider = Provider.parse(key.provider);
    String apiKey;
    try {
      apiKey = key.ciphertext == null ? null : cipher.open(sealed(key), associated(key));
    } catch (IllegalStateException e) {
      Log.warnf("key %s of user %s does not decrypt: %s", key.name, key.owner, e.getMessage());
      throw ProblemException.conflict(
          "key-unreadable",
          "key '"
              + key.name
              + "' cannot be decrypted (it was moved, altered or sealed under another master"
              + " key): store it again");
    }
    String baseUrl = key.baseUrl != null ? key.baseUrl : provider.defaultBaseUrl();
    return new ResolvedKey(key.owner, key.name, provider, baseUrl, apiKey, key.defaultModel);
  }

  /** What {@code key}'s ciphertext is bound to: its owner and name, or nothing before V7. */
  static String associated(KeyEntity key) {
    return key.bound ? KeyCipher.boundTo(key.owner, key.name) : null;
  }

  static Sealed sealed(KeyEntity key) {
    return new Sealed(key.ciphertext, key.nonce, key.masterFingerprint);
  }

  private static KeyView view(KeyEntity key) {
    return new KeyView(
        key.name, key.provider, key.baseUrl, key.defaultModel, key.masked, key.updatedAt);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
