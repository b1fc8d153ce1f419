package dev.zoclone.agents.support;

import dev.zoclone.platform.identity.CurrentCaller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the transactions begun while serving each user's requests (none outside a request). */
@ApplicationScoped
public class TransactionsBegun {
  private final Map<String, AtomicInteger> byUser = new ConcurrentHashMap<>();

  void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
    if (!Arc.container().requestContext().isActive()) {
      return;
    }
    CurrentCaller caller = Arc.container().instance(CurrentCaller.class).get();
    try {
      byUser.computeIfAbsent(caller.userId(), u -> new AtomicInteger()).incrementAndGet();
    } catch (RuntimeException e) {
      // a request with no caller (health, metrics): no user to count it for
    }
  }

  /** Transactions begun so far in requests made as {@code user}. */
  public int of(String user) {
    AtomicInteger count = byUser.get(user);
    return count == null ? 0 : count.get();
  }
}
