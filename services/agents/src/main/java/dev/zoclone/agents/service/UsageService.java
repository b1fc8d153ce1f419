package dev.zoclone.agents.service;

import dev.langchain4j.model.output.TokenUsage;
import dev.zoclone.agents.repository.UsageEntity;
import dev.zoclone.agents.repository.UsageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Records the tokens each model call used and sums them per key and model. */
@ApplicationScoped
public class UsageService {
  private final UsageRepository usage;

  public UsageService(UsageRepository usage) {
    this.usage = usage;
  }

  /** Totals for one key and model. */
  public record Total(
      String keyName, String model, long calls, long inputTokens, long outputTokens) {}

  /** Records one call's tokens (zero when the provider reported none). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
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
    usage.persist(row);
  }

  /** The owner's totals per key and model. */
  @Transactional
  public List<Total> totals(String owner) {
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
}
