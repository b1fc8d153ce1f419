package dev.zoclone.browser.service;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One thread that owns one Playwright and one Chromium; every Playwright call of its sessions runs
 * on this thread, since a Playwright instance is not thread-safe. A Chromium that died is launched
 * again and the sessions it held are marked lost. A task that runs past the time it was given makes
 * the worker overdue: it is then abandoned (see {@link #abandon}) and replaced.
 */
public final class BrowserWorker implements AutoCloseable {
  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  /** The task running on the worker's thread, since when and for how long it may run. */
  private record Running(long startNanos, long allowedNanos) {
    boolean overdue(long nowNanos) {
      return nowNanos - startNanos > allowedNanos;
    }
  }

  private final int index;
  private final String executablePath;
  private final Consumer<BrowserWorker> onTimeout;
  private final ExecutorService thread;
  private final Set<BrowserSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Running> running = new AtomicReference<>();
  private final AtomicBoolean probing = new AtomicBoolean();
  private final ChromiumProcesses processes =
      new ChromiumProcesses("--zo-browser-worker=" + UUID.randomUUID());
  private volatile boolean abandoned;
  private Playwright playwright;
  private Browser browser;

  /**
   * A worker in slot {@code index}; {@code onTimeout} hears of every call that timed out, so that
   * an overdue worker is replaced.
   */
  BrowserWorker(int index, String executablePath, Consumer<BrowserWorker> onTimeout) {
    this.index = index;
    this.executablePath = executablePath;
    this.onTimeout = onTimeout;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "browser-worker-" + index);
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues the start of Playwright and Chromium on the worker's thread. */
  Future<Void> start() {
    return submit(
        () -> {
          launch();
          return null;
        },
        Duration.ofMinutes(2));
  }

  private void launch() {
    if (playwright == null) {
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
    List<String> args = new ArrayList<>(CHROMIUM_ARGS);
    args.add(processes.marker());
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(executablePath))
                    .setHeadless(true)
                    .setArgs(args));
    processes.found();
    Log.infof("browser worker %d: Chromium %s launched", index, browser.version());
  }

  /** Runs {@code task} on this worker's thread and waits for it at most {@code timeout}. */
  public <T> T call(Callable<T> task, Duration timeout) {
    Future<T> future = submit(task, timeout);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      onTimeout.accept(this);
      throw new ProblemException(
          504,
          "timeout",
          "Timed out",
          "the operation did not finish within " + timeout.toMillis() + " ms");
    } catch (CancellationException e) {
      throw replaced();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Queues {@code task}, which may run for {@code allowed} once it has started. */
  private <T> Future<T> submit(Callable<T> task, Duration allowed) {
    if (abandoned) {
      throw replaced();
    }
    try {
      return thread.submit(
          () -> {
            Running mine = new Running(System.nanoTime(), allowed.toNanos());
            running.set(mine);
            try {
              return task.call();
            } finally {
              running.compareAndSet(mine, null);
            }
          });
    } catch (RejectedExecutionException e) {
      throw replaced();
    }
  }

  /** Whether the task running on the worker's thread has run longer than it was given. */
  boolean overdue() {
    Running now = running.get();
    return now != null && now.overdue(System.nanoTime());
  }

  /**
   * Queues a round trip to Chromium, which also delivers the events Playwright queued meanwhile (a
   * disconnect among them), then the relaunch of a Chromium found dead; unless the previous probe
   * is still queued or running. A round trip that never answers leaves the worker overdue.
   */
  void probe(Duration timeout) {
    if (abandoned || !probing.compareAndSet(false, true)) {
      return;
    }
    try {
      submit(this::ping, timeout);
      submit(
          () -> {
            try {
              return relaunchIfDead();
            } finally {
              probing.set(false);
            }
          },
          Duration.ofMinutes(2));
    } catch (ProblemException e) {
      probing.set(false);
    }
  }

  private Void ping() {
    try {
      if (browser != null && browser.isConnected()) {
        browser.newBrowserCDPSession().detach();
      }
    } catch (RuntimeException e) {
      Log.debugf("browser worker %d: probe: %s", index, e.getMessage());
    }
    return null;
  }

  /** The Chromium of this worker; only to be used on the worker's thread. */
  Browser browser() {
    return browser;
  }

  /**
   * On the worker's thread: when Chromium is gone, marks every session of this worker lost and
   * launches a new Chromium. Answers whether it relaunched.
   */
  boolean relaunchIfDead() {
    if (browser != null && browser.isConnected()) {
      return false;
    }
    Log.warnf("browser worker %d: Chromium is gone; %d session(s) lost", index, sessions.size());
    loseSessions("its browser was lost");
    try {
      if (browser != null) {
        browser.close();
      }
    } catch (RuntimeException ignored) {
      // the old browser is already dead; closing it only releases Playwright's handle
    }
    launch();
    return true;
  }

  /**
   * Gives the worker up from any thread: its sessions are lost, later calls fail at once, its
   * Playwright driver and Chromium processes are killed (which also frees a thread blocked on
   * them), and the thread is left to end; nothing of its Playwright is used again.
   */
  void abandon(String why) {
    abandoned = true;
    Log.warnf("browser worker %d: %s; %d session(s) lost", index, why, sessions.size());
    loseSessions("its browser " + why);
    processes.kill();
    // the calls still queued answer at once that the worker is gone
    thread.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
  }

  private void loseSessions(String why) {
    sessions.forEach(s -> s.markLost(why));
    sessions.clear();
  }

  boolean abandoned() {
    return abandoned;
  }

  private ProblemException replaced() {
    return new ProblemException(
        503,
        "browser-unavailable",
        "Browser unavailable",
        "browser worker " + index + " stopped answering and was replaced; try again");
  }

  void attach(BrowserSession session) {
    sessions.add(session);
  }

  void detach(BrowserSession session) {
    sessions.remove(session);
  }

  /** Live sessions on this worker. */
  public int load() {
    return sessions.size();
  }

  public int index() {
    return index;
  }

  /** The process id of this worker's Chromium (the browser process), when it runs. */
  public OptionalLong browserPid() {
    return processes.browserPid();
  }

  @Override
  public void close() {
    if (abandoned) {
      return;
    }
    try {
      call(
          () -> {
            if (playwright != null) {
              playwright.close();
            }
            return null;
          },
          Duration.ofSeconds(20));
    } catch (RuntimeException e) {
      Log.warnf("browser worker %d: closing Playwright failed: %s", index, e.getMessage());
      processes.kill();
    }
    thread.shutdownNow();
  }
}
