package dev.zoclone.agents.keys;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Remembers a per-user lookup of another service (an owner's skills listing) and serves it stale
 * while one refresh runs: a value younger than {@code fresh} is served as it is; an older one, up
 * to {@code maxAge}, is served at once while {@code refresher} loads the key again, one refresh per
 * key at a time. So a burst of callers (a spawn-all's hundred agents) waits on the other service
 * only for a key never loaded, or not loaded for {@code maxAge}, and then they share one load. An
 * empty load (the service did not answer) does not replace a value it loaded before: that value is
 * served until a refresh succeeds or it reaches {@code maxAge}.
 */
public final class RefreshingLookups<K, V> {
  private record Entry<V>(Optional<V> value, long loadedAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final SharedLoads<K, V> loads = new SharedLoads<>();
  private final Map<K, Boolean> refreshing = new ConcurrentHashMap<>();
  private final Function<K, Optional<V>> load;
  private final Executor refresher;
  private final LongSupplier nanoTime;
  private final long freshNanos;
  private final long maxAgeNanos;
  private final int capacity;

  /**
   * Loads with {@code load}, refreshes on {@code refresher}, and reads the time from {@code
   * nanoTime} (as {@link System#nanoTime}).
   */
  public RefreshingLookups(
      Function<K, Optional<V>> load,
      Executor refresher,
      LongSupplier nanoTime,
      Duration fresh,
      Duration maxAge,
      int capacity) {
    this.load = load;
    this.refresher = refresher;
    this.nanoTime = nanoTime;
    this.freshNanos = fresh.toNanos();
    this.maxAgeNanos = maxAge.toNanos();
    this.capacity = capacity;
  }

  /**
   * The value of {@code key}: the remembered one while it is younger than {@code maxAge} (starting
   * a refresh once it is older than {@code fresh}), else a load that callers missing it together
   * share; a load that throws fails them all and is not remembered.
   */
  public Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry != null) {
      long age = nanoTime.getAsLong() - entry.loadedAt();
      if (age < maxAgeNanos) {
        if (age >= freshNanos) {
          refresh(key);
        }
        return entry.value();
      }
    }
    return loads.load(key, load, value -> remember(key, value));
  }

  /** Starts one refresh of {@code key} unless one is under way. */
  private void refresh(K key) {
    if (refreshing.putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            try {
              remember(key, load.apply(key));
            } finally {
              refreshing.remove(key);
            }
          });
    } catch (RejectedExecutionException e) {
      // The refresher is full or stopping: a later caller starts the refresh again.
      refreshing.remove(key);
    }
  }

  private void remember(K key, Optional<V> value) {
    long now = nanoTime.getAsLong();
    if (entries.size() >= capacity && !entries.containsKey(key)) {
      // Rarely reached (one entry per recent owner); dropping everything keeps this bounded and
      // simple.
      entries.clear();
    }
    entries.compute(
        key,
        (k, old) ->
            value.isEmpty() && old != null && old.value().isPresent()
                ? old
                : new Entry<>(value, now));
  }
}
