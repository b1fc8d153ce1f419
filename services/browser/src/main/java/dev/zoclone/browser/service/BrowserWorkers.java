package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * The fixed number of browser workers: started with the service, chosen for a new session by their
 * load, and watched: a Chromium that died is launched again, and a worker whose Playwright call
 * runs past its time (a probe that Chromium never answers, an operation that never returns) is
 * replaced by a fresh one while the others keep serving.
 */
@ApplicationScoped
public class BrowserWorkers {
  private final BrowserConfig config;
  private final AtomicReferenceArray<BrowserWorker> slots;
  private volatile boolean stopping;

  public BrowserWorkers(BrowserConfig config) {
    this.config = config;
    this.slots = new AtomicReferenceArray<>(Math.max(1, config.workers()));
    for (int i = 0; i < slots.length(); i++) {
      slots.set(i, newWorker(i));
    }
  }

  private BrowserWorker newWorker(int index) {
    return new BrowserWorker(index, config.executablePath(), this::replaceIfOverdue);
  }

  void start(@Observes StartupEvent event)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<Future<Void>> started = all().stream().map(BrowserWorker::start).toList();
    for (Future<Void> worker : started) {
      worker.get(2, TimeUnit.MINUTES);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    all().forEach(BrowserWorker::close);
  }

  /** The worker with the fewest sessions. */
  BrowserWorker leastLoaded() {
    return all().stream().min(Comparator.comparingInt(BrowserWorker::load)).orElseThrow();
  }

  /** Every worker in service; a benchmark or a health check reads their load. */
  public List<BrowserWorker> all() {
    return IntStream.range(0, slots.length()).mapToObj(slots::get).toList();
  }

  /** Replaces overdue workers and probes the others. */
  @Scheduled(
      every = "${zo.browser.watchdog-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void watch() {
    for (BrowserWorker worker : all()) {
      replaceIfOverdue(worker);
      worker.probe(config.probeTimeout());
    }
  }

  /**
   * When {@code worker} is still in service and its running task is overdue: abandons it (its
   * sessions are lost, its processes killed) and puts a fresh worker, starting, in its place.
   */
  void replaceIfOverdue(BrowserWorker worker) {
    if (stopping || !worker.overdue()) {
      return;
    }
    BrowserWorker fresh = newWorker(worker.index());
    if (!slots.compareAndSet(worker.index(), worker, fresh)) {
      return;
    }
    worker.abandon("stopped answering and was replaced");
    fresh.start();
    Log.infof("browser worker %d: replaced by a fresh worker", worker.index());
  }
}
