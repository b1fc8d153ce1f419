package dev.zoclone.agents.keys;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads of a key that callers missing it at the same moment share: one caller loads, the others
 * wait for its value (or its failure) instead of each asking again.
 */
final class SharedLoads<K, V> {
  private final Map<K, CompletableFuture<Optional<V>>> running = new ConcurrentHashMap<>();

  /**
   * What {@code load} finds for {@code key}, or what the load of it already under way finds; the
   * caller that loads hands the value to {@code keep} first, unless the load was abandoned
   * meanwhile. A load that throws fails every caller waiting on it and is not kept.
   */
  Optional<V> load(K key, Function<K, Optional<V>> load, Consumer<Optional<V>> keep) {
    CompletableFuture<Optional<V>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<V>> theirs = running.putIfAbsent(key, mine);
    if (theirs != null) {
      return joined(theirs);
    }
    try {
      Optional<V> value = load.apply(key);
      if (running.get(key) == mine) {
        keep.accept(value);
      }
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  /** The load of {@code key} under way is not kept, and the next caller starts a new one. */
  void abandon(K key) {
    running.remove(key);
  }

  /** Abandons every load under way. */
  void abandonAll() {
    running.clear();
  }

  /** The other caller's load; an interrupt (a cancelled run) stops waiting for it. */
  private static <V> Optional<V> joined(CompletableFuture<Optional<V>> load) {
    try {
      return load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cancelled while waiting for a lookup", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
