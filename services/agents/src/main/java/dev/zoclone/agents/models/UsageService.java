package dev.zoclone.agents.models;

import dev.langchain4j.model.output.TokenUsage;
import dev.zoclone.agents.repository.UsageEntity;
import dev.zoclone.agents.repository.UsageRepository;
import dev.zoclone.platform.batch.BatchWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records the tokens each model call used and sums them per key and model. A call's row is written
 * in the background, batched with the other calls of the moment, so no ask waits for it; reading
 * the totals first writes every row still waiting, so a user always sees their own calls.
 */
@ApplicationScoped
public class UsageService {
  private static final int MAX_BATCH = 500;

  private final UsageRepository usage;
  private final BatchWriter<UsageEntity> writer;

  public UsageService(UsageRepository usage) {
    this.usage = usage;
    this.writer = new BatchWriter<>("usage-writer", MAX_BATCH, this::write, this::retryLater);
  }

  void onStart(@Observes StartupEvent event) {
    writer.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    writer.stop();
    writer.flush();
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
    writer.add(row);
  }

  /** The owner's totals per key and model, including calls whose rows were still waiting. */
  @Transactional
  public List<Total> totals(String owner) {
    writer.flush();
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
    writer.flush();
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

  /**
   * Usage is a record of calls, never a reason to fail one: a batch that fails waits for the next
   * try, as new rows again (the rolled-back insert may have given some an id).
   */
  private void retryLater(List<UsageEntity> batch, RuntimeException failure) {
    batch.forEach(row -> row.id = null);
    writer.requeue(batch);
  }

  private void write(List<UsageEntity> batch) {
    QuarkusTransaction.joiningExisting().run(() -> usage.insertAll(batch));
  }
}
