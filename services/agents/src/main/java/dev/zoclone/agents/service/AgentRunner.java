package dev.zoclone.agents.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.repository.RunStatusWriter;
import dev.zoclone.contract.agents.AgentRequest;
import dev.zoclone.contract.agents.AgentView;
import dev.zoclone.contract.agents.AskResponse;
import dev.zoclone.contract.agents.SpawnAllRequest;
import dev.zoclone.contract.agents.SpawnAllRequest.AgentSpec;
import dev.zoclone.contract.agents.SpawnAllResponse;
import dev.zoclone.contract.agents.SpawnAllResponse.AgentResult;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs agents in parallel: bounded globally, per user and per spawn-all call, each with its own
 * timeout; a timeout or a cancellation interrupts the agent's thread, which aborts its HTTP call to
 * the provider. One agent's failure is its own result, never the others'.
 */
@ApplicationScoped
public class AgentRunner {
  public static final String RESTART_REASON =
      "the agents service restarted before the run finished";

  private final AskService asks;
  private final AgentRunStore store;
  private final RunStatusWriter statuses;
  private final AgentsConfig config;
  private final RunOwnership ownership;
  private final Semaphore global;
  private final Map<String, Semaphore> perUser = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> inFlight = new ConcurrentHashMap<>();
  private final ExecutorService pool;

  public AgentRunner(
      AskService asks,
      AgentRunStore store,
      RunStatusWriter statuses,
      AgentsConfig config,
      RunOwnership ownership) {
    this.asks = asks;
    this.store = store;
    this.statuses = statuses;
    this.config = config;
    this.ownership = ownership;
    this.global = new Semaphore(config.runs().maxConcurrency(), true);
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "agent-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  void onStart(@Observes StartupEvent event) {
    // Only the runs of replicas that died: other live replicas keep theirs.
    ownership.heartbeat();
  }

  void onStop(@Observes ShutdownEvent event) {
    pool.shutdownNow();
  }

  /** Starts one background agent; returns at once with its QUEUED run. */
  public AgentView spawn(String owner, AgentRequest request) {
    if (request == null || request.prompt() == null || request.prompt().isBlank()) {
      throw ProblemException.badRequest("prompt", "is required");
    }
    Duration timeout = timeout(request.timeoutMs());
    String id = store.create(owner, request.prompt(), request.modelName());
    // Read before submitting: once submitted, the run may already be RUNNING.
    AgentView queued = store.view(owner, id);
    pool.submit(
        () ->
            run(owner, id, request.prompt(), request.modelName(), request.tools(), timeout, null));
    return queued;
  }

  /** The owner's run. */
  public AgentView get(String owner, String id) {
    return store.view(owner, id);
  }

  /** Cancels the owner's run if it has not ended, stopping its model call. */
  public AgentView cancel(String owner, String id) {
    store.view(owner, id);
    store.finish(id, "CANCELLED", null, "cancelled by the user");
    // A run registers its call before it may start, so either it sees CANCELLED when it tries to
    // start, or its call is here to be cancelled (before it runs, or by interrupting it).
    Future<?> running = inFlight.get(id);
    if (running != null) {
      running.cancel(true);
    }
    return store.view(owner, id);
  }

  /** Runs every agent, at most {@code max_concurrency} at once; results in the order given. */
  public SpawnAllResponse spawnAll(String owner, SpawnAllRequest request) {
    if (request == null || request.agents() == null || request.agents().isEmpty()) {
      throw ProblemException.badRequest("agents", "name at least one agent");
    }
    if (request.agents().size() > 1000) {
      throw ProblemException.badRequest("agents", "at most 1000 agents per call");
    }
    for (int i = 0; i < request.agents().size(); i++) {
      AgentSpec spec = request.agents().get(i);
      if (spec == null || spec.prompt() == null || spec.prompt().isBlank()) {
        throw ProblemException.badRequest("agents[" + i + "].prompt", "is required");
      }
    }
    int limit = request.maxConcurrency() == null ? 8 : request.maxConcurrency();
    if (limit < 1) {
      throw ProblemException.badRequest("max_concurrency", "must be at least 1");
    }
    Semaphore local = new Semaphore(limit, true);
    Duration timeout = timeout(request.timeoutMs());
    // One transaction for every run, then they all start at once.
    List<String> runIds =
        store.createAll(
            owner,
            request.agents().stream()
                .map(spec -> new AgentRunStore.NewRun(spec.prompt(), spec.modelName()))
                .toList());
    List<CompletableFuture<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < runIds.size(); i++) {
      AgentSpec spec = request.agents().get(i);
      String runId = runIds.get(i);
      String agentId = spec.id() != null ? spec.id() : runId;
      futures.add(
          CompletableFuture.supplyAsync(
              () ->
                  run(owner, runId, spec.prompt(), spec.modelName(), null, timeout, local)
                      .withId(agentId),
              pool));
    }
    return new SpawnAllResponse(
        futures.stream().map(CompletableFuture::join).map(Outcome::result).toList());
  }

  /** How one run ended. */
  private record Outcome(
      String agentId, String status, String output, String error, long durationMs) {
    Outcome withId(String id) {
      return new Outcome(id, status, output, error, durationMs);
    }

    AgentResult result() {
      return new AgentResult(agentId, status, output, error, durationMs);
    }
  }

  private Outcome run(
      String owner,
      String runId,
      String prompt,
      String modelName,
      List<String> tools,
      Duration timeout,
      Semaphore local) {
    Semaphore user =
        perUser.computeIfAbsent(
            owner, o -> new Semaphore(config.runs().maxConcurrencyPerUser(), true));
    List<Semaphore> held = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (Semaphore permit :
          local == null ? List.of(user, global) : List.of(local, user, global)) {
        permit.acquire();
        held.add(permit);
      }
      FutureTask<AskResponse> call =
          new FutureTask<>(() -> asks.runOnce(owner, prompt, modelName, tools));
      inFlight.put(runId, call);
      try {
        if (!statuses.markRunning(runId)) {
          return ended(runId, owner, start);
        }
        start = System.nanoTime();
        pool.execute(call);
        AskResponse answer = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return end(runId, owner, start, "SUCCEEDED", text(answer.output()), null);
      } catch (TimeoutException e) {
        call.cancel(true);
        return end(
            runId,
            owner,
            start,
            "TIMED_OUT",
            null,
            "no answer within " + timeout.toMillis() + " ms");
      } catch (CancellationException e) {
        return end(runId, owner, start, "CANCELLED", null, "cancelled by the user");
      } catch (ExecutionException e) {
        return end(runId, owner, start, "FAILED", null, message(e.getCause()));
      } finally {
        inFlight.remove(runId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return end(runId, owner, start, "CANCELLED", null, "interrupted");
    } catch (RuntimeException e) {
      Log.warnf("agent run %s failed: %s", runId, e.toString());
      return end(runId, owner, start, "FAILED", null, message(e));
    } finally {
      held.forEach(Semaphore::release);
    }
  }

  /** Records how the run ended; when something else ended it first (a cancel), reads that. */
  private Outcome end(
      String runId, String owner, long start, String status, String output, String error) {
    if (statuses.finish(runId, status, output, error)) {
      return new Outcome(runId, status, output, error, (System.nanoTime() - start) / 1_000_000);
    }
    return ended(runId, owner, start);
  }

  private Outcome ended(String runId, String owner, long start) {
    AgentView view = store.view(owner, runId);
    return new Outcome(
        runId, view.status(), view.output(), view.error(), (System.nanoTime() - start) / 1_000_000);
  }

  private Duration timeout(Long timeoutMs) {
    if (timeoutMs == null) {
      return config.runs().defaultTimeout();
    }
    if (timeoutMs < 1) {
      throw ProblemException.badRequest("timeout_ms", "must be positive");
    }
    return Duration.ofMillis(timeoutMs);
  }

  private static String text(JsonNode output) {
    return output == null ? null : output.isTextual() ? output.asText() : output.toString();
  }

  private static String message(Throwable e) {
    return e instanceof ProblemException problem
        ? problem.getMessage()
        : e == null || e.getMessage() == null ? "the agent failed" : e.getMessage();
  }
}
