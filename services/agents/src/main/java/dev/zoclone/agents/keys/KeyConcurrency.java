package dev.zoclone.agents.keys;

import dev.zoclone.agents.config.AgentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the model calls in flight per key (owner and key name), so one key's burst of agents waits
 * its turn instead of opening unbounded connections to its provider.
 */
@ApplicationScoped
public class KeyConcurrency {
  private final int perKey;
  private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

  public KeyConcurrency(AgentsConfig config) {
    this.perKey = Math.max(1, config.provider().maxConcurrencyPerKey());
  }

  /** Runs {@code call} once a slot of {@code key} is free; an interrupt while waiting cancels. */
  public <T> T withSlot(ResolvedKey key, Supplier<T> call) {
    Semaphore slot = slot(key);
    try {
      slot.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cancelled while waiting for a slot of the key", e);
    }
    try {
      return call.get();
    } finally {
      slot.release();
    }
  }

  private Semaphore slot(ResolvedKey key) {
    return slots.computeIfAbsent(
        key.owner() + "\u0000" + key.name(), k -> new Semaphore(perKey, true));
  }
}
