package dev.zoclone.agents.runs;

import dev.zoclone.agents.repository.AgentRunEntity;
import dev.zoclone.agents.repository.AgentRunRepository;
import dev.zoclone.contract.agents.AgentView;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates and reads agent runs; their starts and ends (the first of completion, timeout or
 * cancellation wins) are recorded by {@link dev.zoclone.agents.repository.RunStatusWriter}.
 */
@ApplicationScoped
public class AgentRunStore {
  private final AgentRunRepository runs;
  private final RunOwnership ownership;

  public AgentRunStore(AgentRunRepository runs, RunOwnership ownership) {
    this.runs = runs;
    this.ownership = ownership;
  }

  /** What a new run is asked to do. */
  public record NewRun(String prompt, String modelName) {}

  /** A new QUEUED run; returns its id. */
  @Transactional
  public String create(String owner, String prompt, String modelName) {
    return createAll(owner, List.of(new NewRun(prompt, modelName))).get(0);
  }

  /** New QUEUED runs, written in one transaction (inserts batched); returns their ids in order. */
  @Transactional
  public List<String> createAll(String owner, List<NewRun> requested) {
    Instant now = Instant.now();
    List<String> ids = new ArrayList<>(requested.size());
    for (NewRun next : requested) {
      AgentRunEntity run = new AgentRunEntity();
      run.id = UUID.randomUUID().toString();
      run.owner = owner;
      run.prompt = next.prompt();
      run.modelName = next.modelName();
      run.status = "QUEUED";
      run.createdAt = now;
      run.replicaId = ownership.replicaId();
      runs.persist(run);
      ids.add(run.id);
    }
    return ids;
  }

  /** The owner's run; 404 when it is not theirs. */
  @Transactional
  public AgentView view(String owner, String id) {
    AgentRunEntity run =
        runs.owned(owner, id).orElseThrow(() -> ProblemException.notFound("agent " + id));
    return new AgentView(run.id, run.status, run.output, run.error, run.startedAt, run.finishedAt);
  }
}
