package dev.zoclone.agents.runs;

import dev.zoclone.agents.repository.AgentRunEntity;
import dev.zoclone.agents.repository.AgentRunRepository;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The owner's agent runs, newest first, a page at a time, optionally of one status. */
@ApplicationScoped
public class AgentRunHistory {
  static final Set<String> STATUSES =
      Set.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT");
  private static final int PROMPT_EXCERPT_CHARS = 200;

  private final AgentRunRepository runs;

  public AgentRunHistory(AgentRunRepository runs) {
    this.runs = runs;
  }

  /** One run as the history shows it: no output, the prompt cut to an excerpt. */
  public record RunSummary(
      String id,
      String status,
      String promptExcerpt,
      String modelName,
      String error,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      Long durationMs) {}

  /** A page of runs; {@code nextCursor} is null on the last page. */
  public record Page(List<RunSummary> runs, String nextCursor) {}

  /** The page after run {@code cursor} (from the start when null). */
  @Transactional
  public Page page(String owner, String status, int limit, String cursor) {
    if (limit < 1 || limit > 100) {
      throw ProblemException.badRequest("limit", "must be between 1 and 100");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw ProblemException.badRequest("status", "must be one of " + STATUSES);
    }
    StringBuilder query = new StringBuilder("owner = :owner");
    Parameters params = Parameters.with("owner", owner);
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (cursor != null) {
      AgentRunEntity after =
          runs.owned(owner, cursor)
              .orElseThrow(() -> ProblemException.badRequest("cursor", "is not one of your runs"));
      query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
      params.and("at", after.createdAt).and("id", after.id);
    }
    query.append(" order by createdAt desc, id desc");
    // range is inclusive: one run more than the page tells whether another page follows.
    List<AgentRunEntity> found = runs.find(query.toString(), params).range(0, limit).list();
    boolean more = found.size() > limit;
    List<AgentRunEntity> shown = more ? found.subList(0, limit) : found;
    return new Page(
        shown.stream().map(AgentRunHistory::summary).toList(),
        more ? shown.get(limit - 1).id : null);
  }

  private static RunSummary summary(AgentRunEntity run) {
    String prompt = run.prompt == null ? "" : run.prompt;
    return new RunSummary(
        run.id,
        run.status,
        prompt.length() <= PROMPT_EXCERPT_CHARS
            ? prompt
            : prompt.substring(0, PROMPT_EXCERPT_CHARS) + "…",
        run.modelName,
        run.error,
        run.createdAt,
        run.startedAt,
        run.finishedAt,
        run.startedAt == null || run.finishedAt == null
            ? null
            : Duration.between(run.startedAt, run.finishedAt).toMillis());
  }
}
