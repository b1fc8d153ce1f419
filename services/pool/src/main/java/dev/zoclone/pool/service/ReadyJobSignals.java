package dev.zoclone.pool.service;

import dev.zoclone.pool.repository.JobRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes long-polling leases when a job becomes ready. Submissions {@code NOTIFY} on commit; this
 * bean {@code LISTEN}s on one dedicated connection, so a job submitted through any replica wakes
 * the nodes polling every replica. If the connection drops it reconnects, and meanwhile leases fall
 * back to polling.
 */
@ApplicationScoped
public class ReadyJobSignals {
  private static final int POLL_MS = 500;
  private static final long RECONNECT_MS = 1000;

  private final AgroalDataSource dataSource;
  private final Map<String, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile boolean listening;
  private Thread listener;

  public ReadyJobSignals(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    listener = new Thread(this::listen, "pool-ready-job-listener");
    listener.setDaemon(true);
    listener.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (listener != null) {
      listener.join(2 * POLL_MS);
    }
  }

  /** Whether the LISTEN connection is up. */
  public boolean listening() {
    return listening;
  }

  /**
   * A future completed when a job of {@code owner} may have become ready; register before looking
   * for jobs, so a job submitted in between is not missed.
   */
  public CompletableFuture<Void> register(String owner) {
    CompletableFuture<Void> signal = new CompletableFuture<>();
    waiters.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(signal);
    return signal;
  }

  /** Forgets a future that is no longer waited on. */
  public void unregister(String owner, CompletableFuture<Void> signal) {
    waiters.computeIfPresent(
        owner,
        (o, set) -> {
          set.remove(signal);
          return set.isEmpty() ? null : set;
        });
  }

  private void wake(String owner) {
    Set<CompletableFuture<Void>> woken = waiters.remove(owner);
    if (woken != null) {
      woken.forEach(f -> f.complete(null));
    }
  }

  private void wakeAll() {
    waiters.keySet().forEach(this::wake);
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + JobRepository.READY_CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening = true;
        wakeAll(); // anything submitted while we were not listening
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              wake(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (running) {
          Log.warnf("ready-job listener lost its connection, reconnecting: %s", e.getMessage());
          sleep();
        }
      }
    }
    listening = false;
  }

  private static void sleep() {
    try {
      Thread.sleep(RECONNECT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
