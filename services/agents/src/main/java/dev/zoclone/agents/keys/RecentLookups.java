package dev.zoclone.agents.keys;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a per-user lookup (a key, the settings) for a moment, so the several model calls of one
 * ask, and a burst of asks, read the database once. Callers that miss the same key at the same
 * moment (a spawn-all's hundred agents starting together) share one load instead of each reading
 * the database. This replica forgets an entry when it changes it, and again when that change
 * commits; another replica's change shows here within {@code ttl}.
 */
public final class RecentLookups<K, V> {
  private record Entry<V>(Optional<V> value, long expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final SharedLoads<K, V> loads = new SharedLoads<>();
  private final long ttlNanos;
  private final int capacity;

  public RecentLookups(Duration ttl, int capacity) {
    this.ttlNanos = ttl.toNanos();
    this.capacity = capacity;
  }

  /**
   * The remembered value of {@code key}, else what {@code load} finds (remembered too). While one
   * caller loads a key, the others asking for it wait for that load; a failed load fails them all
   * and is not remembered.
   */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    Entry<V> entry = entries.get(key);
    if (entry != null && System.nanoTime() - entry.expiresAt() < 0) {
      return entry.value();
    }
    // A key forgotten during its load (changed meanwhile) is not remembered as loaded.
    return loads.load(
        key,
        load,
        value -> {
          if (entries.size() >= capacity) {
            // Rarely reached (entries live a moment); dropping everything keeps this bounded and
            // simple.
            entries.clear();
          }
          entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
        });
  }

  /** Forgets {@code key}: the next caller loads it again, not waiting for a load begun before. */
  public void forget(K key) {
    loads.abandon(key);
    entries.remove(key);
  }

  /**
   * Forgets {@code key} now and again when the caller's transaction ends: a lookup that read the
   * old row while the change was not committed yet is then not kept past the commit.
   */
  public void forgetAtCommit(K key, TransactionSynchronizationRegistry transaction) {
    forget(key);
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            forget(key);
          }
        });
  }

  /** Forgets everything. */
  public void clear() {
    loads.abandonAll();
    entries.clear();
  }
}
