package dev.zoclone.agents.service;

import dev.langchain4j.model.output.TokenUsage;
import dev.zoclone.agents.repository.UsageEntity;
import dev.zoclone.agents.repository.UsageRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records the tokens each model call used and sums them per key and model. A call's row is written
 * in the background, batched with the other calls of the moment, so no ask waits for it; reading
 * the totals first writes every row still waiting, so a user always sees their own calls.
 */
@ApplicationScoped
public class UsageService {
  private static final int MAX_BATCH = 500;

  private final UsageRepository usage;
  private final LinkedBlockingQueue<UsageEntity> pending = new LinkedBlockingQueue<>();
  // Held from taking rows off the queue until they are committed, so totals() never misses rows
  // that are on their way to the database.
  private final ReentrantLock writing = new ReentrantLock();
  private volatile Thread writer;

  public UsageService(UsageRepository usage) {
    this.usage = usage;
  }

  void onStart(@Observes StartupEvent event) {
    Thread started = new Thread(this::writeLoop, "usage-writer");
    started.setDaemon(true);
    started.start();
    writer = started;
  }

  void onStop(@Observes ShutdownEvent event) {
    if (writer != null) {
      writer.interrupt();
    }
    flush();
  }

  /** Totals for one key and model. */
  public record Total(
      String keyName, String model, long calls, long inputTokens, long outputTokens) {}

  /** Records one call's tokens (zero when the provider reported none); written soon after. */
  public void record(String owner, String keyName, String model, TokenUsage tokens) {
    UsageEntity row = new UsageEntity();
    row.owner = owner;
    row.keyName = keyName;
    row.model = model;
    row.inputTokens =
        tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
    row.outputTokens =
        tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
    row.createdAt = Instant.now();
    pending.add(row);
  }

  /** The owner's totals per key and model, including calls whose rows were still waiting. */
  @Transactional
  public List<Total> totals(String owner) {
    flush();
    return usage.totals(owner).stream()
        .map(
            r ->
                new Total(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()))
        .toList();
  }

  /** Tokens of one UTC day, key and model. */
  public record DailyTotal(
      String day, String keyName, String model, long calls, long inputTokens, long outputTokens) {}

  /**
   * The owner's totals per UTC day, key and model from {@code firstDay} (UTC) on, oldest first,
   * including calls whose rows were still waiting.
   */
  @Transactional
  public List<DailyTotal> daily(String owner, LocalDate firstDay) {
    flush();
    return usage.daily(owner, firstDay.atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
        .map(
            r ->
                new DailyTotal(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue()))
        .toList();
  }

  /** Writes every waiting row now. */
  void flush() {
    writing.lock();
    try {
      List<UsageEntity> batch = new ArrayList<>();
      while (pending.drainTo(batch, MAX_BATCH) > 0) {
        writeOrRequeue(batch);
        batch.clear();
      }
    } finally {
      writing.unlock();
    }
  }

  private void writeLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        UsageEntity first = pending.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        writing.lock();
        try {
          List<UsageEntity> batch = new ArrayList<>();
          batch.add(first);
          pending.drainTo(batch, MAX_BATCH - 1);
          writeOrRequeue(batch);
        } finally {
          writing.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // Usage is a record of calls, never a reason to fail one: the rows wait for the next try.
        Log.warnf("writing usage rows failed, will retry: %s", e.toString());
        try {
          TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * Writes {@code batch}, or puts its rows back in the queue when that fails (as new rows again:
   * the rolled-back insert may have given some an id) and rethrows.
   */
  private void writeOrRequeue(List<UsageEntity> batch) {
    try {
      write(batch);
    } catch (RuntimeException e) {
      batch.forEach(row -> row.id = null);
      pending.addAll(batch);
      throw e;
    }
  }

  private void write(List<UsageEntity> batch) {
    QuarkusTransaction.joiningExisting().run(() -> batch.forEach(usage::persist));
  }
}
