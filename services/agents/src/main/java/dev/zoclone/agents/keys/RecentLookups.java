package dev.zoclone.agents.keys;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Remembers a per-user lookup (a key, the settings) for a moment, so the several model calls of one
 * ask, and a burst of asks, read the database once. This replica forgets an entry when it changes
 * it, and again when that change commits; another replica's change shows here within {@code ttl}.
 */
public final class RecentLookups<K, V> {
  private record Entry<V>(Optional<V> value, long expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  /**
   * Counts forgettings; a lookup that began before one may have read a row that has changed since,
   * so what it found is not kept.
   */
  private final AtomicLong forgettings = new AtomicLong();

  private final long ttlNanos;
  private final int capacity;

  public RecentLookups(Duration ttl, int capacity) {
    this.ttlNanos = ttl.toNanos();
    this.capacity = capacity;
  }

  /** The remembered value of {@code key}, else what {@code load} finds (remembered too). */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    long now = System.nanoTime();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.expiresAt() < 0) {
      return entry.value();
    }
    long generation = forgettings.get();
    Optional<V> value = load.apply(key);
    if (forgettings.get() != generation) {
      return value;
    }
    if (entries.size() >= capacity) {
      // Rarely reached (entries live a moment); dropping everything keeps this bounded and simple.
      entries.clear();
    }
    entries.put(key, new Entry<>(value, now + ttlNanos));
    return value;
  }

  /** Forgets {@code key}. */
  public void forget(K key) {
    forgettings.incrementAndGet();
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
    entries.clear();
  }
}
