package dev.zoclone.agents.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.ask.AskService;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.repository.RunStatusWriter;
import dev.zoclone.contract.agents.AgentRequest;
import dev.zoclone.contract.agents.AgentView;
import dev.zoclone.contract.agents.AskResponse;
import dev.zoclone.contract.agents.SpawnAllRequest;
import dev.zoclone.contract.agents.SpawnAllRequest.AgentSpec;
import dev.zoclone.contract.agents.SpawnAllResponse;
import dev.zoclone.contract.agents.SpawnAllResponse.AgentResult;
import dev.zoclone.platform.json.TextRules;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs agents in parallel on the {@link RunQueue}'s bounded slots, each with its own timeout; a
 * timeout or a cancellation interrupts the agent's thread, which aborts its HTTP call to the
 * provider. One agent's failure is its own result, never the others'.
 */
@ApplicationScoped
public class AgentRunner {
  public static final String RESTART_REASON =
      "the agents service restarted before the run finished";

  private final AskService asks;
  private final AgentRunStore store;
  private final RunStatusWriter statuses;
  private final AgentsConfig config;
  private final RunQueue queue;
  private final Map<String, RunningCall> inFlight = new ConcurrentHashMap<>();
  private final ScheduledExecutorService alarms;
  private final RunOwnership ownership;

  public AgentRunner(
      AskService asks,
      AgentRunStore store,
      RunStatusWriter statuses,
      AgentsConfig config,
      RunQueue queue,
      RunOwnership ownership) {
    this.asks = asks;
    this.store = store;
    this.statuses = statuses;
    this.config = config;
    this.ownership = ownership;
    this.queue = queue;
    this.alarms =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "agent-timeouts");
              t.setDaemon(true);
              return t;
            });
  }

  void onStart(@Observes StartupEvent event) {
    // Only the runs of replicas that died: other live replicas keep theirs.
    ownership.heartbeat();
  }

  void onStop(@Observes ShutdownEvent event) {
    alarms.shutdownNow();
  }

  /** Starts one background agent; returns at once with its QUEUED run. */
  public AgentView spawn(String owner, AgentRequest request) {
    if (request == null || request.prompt() == null || request.prompt().isBlank()) {
      throw ProblemException.badRequest("prompt", "is required");
    }
    TextRules.requireMessageAtMost("prompt", request.prompt(), AskService.MAX_INPUT_CHARS);
    TextRules.requireAtMost("model_name", request.modelName(), AskService.MAX_NAME_CHARS);
    Duration timeout = timeout(request.timeoutMs());
    queue.reserve(owner, 1);
    AgentView queued;
    try {
      String id = store.create(owner, request.prompt(), request.modelName());
      // Read before submitting: once submitted, the run may already be RUNNING.
      queued = store.view(owner, id);
    } catch (RuntimeException e) {
      queue.release(owner, 1);
      throw e;
    }
    queue.start(
        owner,
        () ->
            run(
                owner,
                queued.id(),
                request.prompt(),
                request.modelName(),
                request.tools(),
                timeout));
    return queued;
  }

  /** The owner's run. */
  public AgentView get(String owner, String id) {
    return store.view(owner, id);
  }

  /** Cancels the owner's run if it has not ended, stopping its model call. */
  public AgentView cancel(String owner, String id) {
    store.view(owner, id);
    statuses.finish(id, "CANCELLED", null, "cancelled by the user");
    // A run registers its call before it may start, so either it sees CANCELLED when it tries to
    // start, or its call is here to be interrupted.
    RunningCall running = inFlight.get(id);
    if (running != null) {
      running.stop(false);
    }
    return store.view(owner, id);
  }

  /** Runs every agent, at most {@code max_concurrency} at once; results in the order given. */
  public SpawnAllResponse spawnAll(String owner, SpawnAllRequest request) {
    return spawnAll(owner, request, finished -> {});
  }

  /**
   * {@link #spawnAll(String, SpawnAllRequest)}, telling {@code onFinished} how many agents have
   * ended each time one does (the spawn-all tool reports it as progress).
   */
  public SpawnAllResponse spawnAll(String owner, SpawnAllRequest request, IntConsumer onFinished) {
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
      String at = "agents[" + i + "].";
      TextRules.requireMessageAtMost(at + "prompt", spec.prompt(), AskService.MAX_INPUT_CHARS);
      TextRules.requireAtMost(at + "id", spec.id(), AskService.MAX_NAME_CHARS);
      TextRules.requireAtMost(at + "model_name", spec.modelName(), AskService.MAX_NAME_CHARS);
    }
    int limit =
        request.maxConcurrency() == null
            ? Math.min(8, queue.userSlots())
            : request.maxConcurrency();
    if (limit < 1) {
      throw ProblemException.badRequest("max_concurrency", "must be at least 1");
    }
    if (limit > queue.userSlots()) {
      throw ProblemException.badRequest(
          "max_concurrency", "must be at most " + queue.userSlots() + " (your share of the slots)");
    }
    Duration timeout = timeout(request.timeoutMs());
    int count = request.agents().size();
    queue.reserve(owner, count);
    List<String> runIds;
    try {
      // One transaction for every run, then they start, at most max_concurrency at once.
      runIds =
          store.createAll(
              owner,
              request.agents().stream()
                  .map(spec -> new AgentRunStore.NewRun(spec.prompt(), spec.modelName()))
                  .toList());
    } catch (RuntimeException e) {
      queue.release(owner, count);
      throw e;
    }
    List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    AtomicInteger finished = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      AgentSpec spec = request.agents().get(i);
      String runId = runIds.get(i);
      String agentId = spec.id() != null ? spec.id() : runId;
      CompletableFuture<Outcome> outcome = new CompletableFuture<>();
      outcomes.add(outcome);
      tasks.add(
          () -> {
            try {
              Outcome done =
                  run(owner, runId, spec.prompt(), spec.modelName(), null, timeout).withId(agentId);
              tellFinished(onFinished, finished);
              outcome.complete(done);
            } catch (RuntimeException e) {
              outcome.completeExceptionally(e);
            }
          });
    }
    // A window of max_concurrency: each run that ends queues the next one.
    AtomicInteger next = new AtomicInteger();
    for (int i = 0; i < Math.min(limit, count); i++) {
      startNext(owner, tasks, outcomes, next);
    }
    return new SpawnAllResponse(
        outcomes.stream().map(CompletableFuture::join).map(Outcome::result).toList());
  }

  /** Told before the result is ready, in order, so the last count precedes the answer. */
  private static void tellFinished(IntConsumer onFinished, AtomicInteger finished) {
    synchronized (finished) {
      try {
        onFinished.accept(finished.incrementAndGet());
      } catch (RuntimeException e) {
        Log.debugf("spawn-all progress not told: %s", e.toString());
      }
    }
  }

  private void startNext(
      String owner,
      List<Runnable> tasks,
      List<CompletableFuture<Outcome>> outcomes,
      AtomicInteger next) {
    int index = next.getAndIncrement();
    if (index >= tasks.size()) {
      return;
    }
    outcomes.get(index).whenComplete((done, failure) -> startNext(owner, tasks, outcomes, next));
    queue.start(owner, tasks.get(index));
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
      Duration timeout) {
    long start = System.nanoTime();
    RunningCall call = new RunningCall(Thread.currentThread());
    inFlight.put(runId, call);
    ScheduledFuture<?> alarm = null;
    try {
      if (!statuses.markRunning(runId)) {
        return ended(runId, owner, start);
      }
      start = System.nanoTime();
      alarm = alarms.schedule(() -> call.stop(true), timeout.toMillis(), TimeUnit.MILLISECONDS);
      AskResponse answer = asks.runOnce(owner, prompt, modelName, tools);
      call.finished();
      return end(runId, owner, start, "SUCCEEDED", text(answer.output()), null);
    } catch (RuntimeException e) {
      call.finished();
      if (call.timedOut()) {
        return end(
            runId,
            owner,
            start,
            "TIMED_OUT",
            null,
            "no answer within " + timeout.toMillis() + " ms");
      }
      if (call.stopped()) {
        return end(runId, owner, start, "CANCELLED", null, "cancelled by the user");
      }
      Log.warnf("agent run %s failed: %s", runId, e.toString());
      return end(runId, owner, start, "FAILED", null, message(e));
    } finally {
      if (alarm != null) {
        alarm.cancel(false);
      }
      inFlight.remove(runId);
      // An interrupt that raced the end must not reach the next run on this thread.
      Thread.interrupted();
    }
  }

  /**
   * The thread of a run's model call, interrupted by its timeout or a cancel only while the call is
   * under way, never after it ended.
   */
  private static final class RunningCall {
    private final Thread thread;
    private boolean done;
    private boolean stopped;
    private boolean timedOut;

    RunningCall(Thread thread) {
      this.thread = thread;
    }

    synchronized void stop(boolean timeout) {
      if (!done && !stopped) {
        stopped = true;
        timedOut = timeout;
        thread.interrupt();
      }
    }

    synchronized void finished() {
      done = true;
    }

    synchronized boolean stopped() {
      return stopped;
    }

    synchronized boolean timedOut() {
      return timedOut;
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
    long max = config.runs().maxTimeout().toMillis();
    if (timeoutMs > max) {
      throw ProblemException.badRequest("timeout_ms", "must be at most " + max);
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
