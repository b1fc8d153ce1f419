package dev.zoclone.browser.service;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One thread that owns one Playwright and one Chromium; every Playwright call of its sessions runs
 * on this thread, since a Playwright instance is not thread-safe. A Chromium that died is launched
 * again and the sessions it held are marked lost.
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

  private final int index;
  private final String executablePath;
  private final ExecutorService thread;
  private final Set<BrowserSession> sessions = ConcurrentHashMap.newKeySet();
  private Playwright playwright;
  private Browser browser;

  BrowserWorker(int index, String executablePath) {
    this.index = index;
    this.executablePath = executablePath;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "browser-worker-" + index);
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts Playwright and Chromium on the worker's thread. */
  void start() {
    call(
        () -> {
          playwright =
              Playwright.create(
                  new Playwright.CreateOptions()
                      .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
          launch();
          return null;
        },
        Duration.ofMinutes(2));
  }

  private void launch() {
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(executablePath))
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
    Log.infof("browser worker %d: Chromium %s launched", index, browser.version());
  }

  /** Runs {@code task} on this worker's thread and waits for it at most {@code timeout}. */
  public <T> T call(Callable<T> task, Duration timeout) {
    Future<T> future = thread.submit(task);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new ProblemException(
          504,
          "timeout",
          "Timed out",
          "the operation did not finish within " + timeout.toMillis() + " ms");
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
    sessions.forEach(BrowserSession::markLost);
    sessions.clear();
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
   * On the worker's thread: a round trip to Chromium, which also delivers the events Playwright
   * queued meanwhile (a disconnect among them); relaunches a Chromium found dead.
   */
  Boolean probe() {
    try {
      if (browser != null && browser.isConnected()) {
        browser.newBrowserCDPSession().detach();
      }
    } catch (RuntimeException e) {
      Log.debugf("browser worker %d: probe: %s", index, e.getMessage());
    }
    return relaunchIfDead();
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

  @Override
  public void close() {
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
    }
    thread.shutdownNow();
  }
}
