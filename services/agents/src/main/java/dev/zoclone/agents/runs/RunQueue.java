package dev.zoclone.agents.runs;

import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs agent tasks on a fixed number of global slots (one thread each), taking users in turn: a
 * user runs at most their share of the slots at once, and may have a bounded number of runs in
 * flight (queued or running); the whole queue is bounded too. What does not fit is refused with a
 * 429 before anything is stored, so no spawn ever parks a thread or grows a queue without bound.
 */
@ApplicationScoped
public class RunQueue {
  /** Seconds a refused caller is told to wait: runs free slots as they end. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final int slots;
  private final int userSlots;
  private final int userInFlight;
  private final int capacity;
  private final ThreadPoolExecutor pool;
  private final Map<String, Line> lines = new HashMap<>();
  private final ArrayDeque<Line> turn = new ArrayDeque<>();
  private int running;
  private int inFlight;

  /** One user's runs: those waiting for a slot, and counts of running and in-flight ones. */
  private static final class Line {
    final String owner;
    final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    int running;
    int inFlight;
    boolean inTurn;

    Line(String owner) {
      this.owner = owner;
    }
  }

  public RunQueue(AgentsConfig config) {
    AgentsConfig.Runs runs = config.runs();
    this.slots = Math.max(1, runs.maxConcurrency());
    this.userSlots =
        Math.max(
            1, Math.min(runs.maxConcurrencyPerUser(), (int) Math.floor(runs.maxShare() * slots)));
    this.userInFlight = Math.max(1, runs.maxInFlightPerUser());
    this.capacity = Math.max(slots, runs.queueCapacity());
    AtomicInteger threads = new AtomicInteger();
    // The slots bound how many runs execute at once, so the pool need not: a run takes an idle
    // thread if there is one (a spawn-all's next round reuses the last one's threads) and starts
    // a thread only when none is idle. A pool with `slots` core threads would instead start a new
    // thread for every run until it had `slots` of them, idle ones notwithstanding.
    this.pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "agent-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  void onStop(@Observes ShutdownEvent event) {
    pool.shutdownNow();
  }

  /** Slots one user may run at once (their share of the global slots). */
  public int userSlots() {
    return userSlots;
  }

  /**
   * Reserves room for {@code count} runs of {@code owner}; 429 with Retry-After when the user or
   * the service has no room. Each reserved run must then be {@link #start started} or {@link
   * #release released}.
   */
  public synchronized void reserve(String owner, int count) {
    Line line = lines.get(owner);
    int mine = line == null ? 0 : line.inFlight;
    if (mine + count > userInFlight) {
      throw ProblemException.tooManyRequests(
          "too-many-runs",
          "Too many agent runs",
          "you have "
              + mine
              + " agent runs in flight and may have at most "
              + userInFlight
              + "; wait for some to end",
          RETRY_AFTER_SECONDS);
    }
    if (inFlight + count > capacity) {
      throw ProblemException.tooManyRequests(
          "agents-busy",
          "The agents service is busy",
          "the agents service has " + inFlight + " runs in flight, its limit; try again later",
          RETRY_AFTER_SECONDS);
    }
    if (line == null) {
      line = new Line(owner);
      lines.put(owner, line);
    }
    line.inFlight += count;
    inFlight += count;
  }

  /** Gives back {@code count} reserved runs that will not start. */
  public synchronized void release(String owner, int count) {
    Line line = lines.get(owner);
    if (line == null) {
      return;
    }
    line.inFlight -= count;
    inFlight -= count;
    forgetIfIdle(line);
  }

  /** Queues one reserved run of {@code owner}; it runs when a slot and the user's share allow. */
  public synchronized void start(String owner, Runnable task) {
    Line line = lines.get(owner);
    if (line == null) {
      throw new IllegalStateException("no run reserved for " + owner);
    }
    line.waiting.add(task);
    if (!line.inTurn) {
      line.inTurn = true;
      turn.add(line);
    }
    dispatch();
  }

  /** Starts waiting runs while slots are free, one user after another. */
  private void dispatch() {
    int skipped = 0;
    while (running < slots && skipped < turn.size()) {
      Line line = turn.poll();
      if (line.running >= userSlots) {
        turn.add(line);
        skipped++;
        continue;
      }
      skipped = 0;
      Runnable task = line.waiting.poll();
      line.running++;
      running++;
      if (line.waiting.isEmpty()) {
        line.inTurn = false;
      } else {
        turn.add(line);
      }
      pool.execute(
          () -> {
            try {
              task.run();
            } finally {
              ended(line);
            }
          });
    }
  }

  private synchronized void ended(Line line) {
    line.running--;
    line.inFlight--;
    running--;
    inFlight--;
    forgetIfIdle(line);
    dispatch();
  }

  private void forgetIfIdle(Line line) {
    if (line.inFlight <= 0 && line.waiting.isEmpty() && !line.inTurn) {
      lines.remove(line.owner);
    }
  }
}
