package dev.zoclone.browser.service;

import dev.zoclone.browser.config.BrowserConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fixed set of browser workers: started with the service, watched for a dead Chromium, and
 * chosen for a new session by their load.
 */
@ApplicationScoped
public class BrowserWorkers {
  private final List<BrowserWorker> workers = new ArrayList<>();

  public BrowserWorkers(BrowserConfig config) {
    for (int i = 0; i < Math.max(1, config.workers()); i++) {
      workers.add(new BrowserWorker(i, config.executablePath()));
    }
  }

  void start(@Observes StartupEvent event) {
    workers.parallelStream().forEach(BrowserWorker::start);
  }

  void stop(@Observes ShutdownEvent event) {
    workers.forEach(BrowserWorker::close);
  }

  /** The worker with the fewest sessions. */
  BrowserWorker leastLoaded() {
    return workers.stream().min(Comparator.comparingInt(BrowserWorker::load)).orElseThrow();
  }

  /** Every worker; a benchmark or a health check reads their load. */
  public List<BrowserWorker> all() {
    return List.copyOf(workers);
  }

  /** Notices a Chromium that died while no operation ran, and launches it again. */
  @Scheduled(
      every = "${zo.browser.watchdog-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void watch() {
    for (BrowserWorker worker : workers) {
      try {
        worker.call(worker::probe, Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        Log.warnf("browser worker %d: probe failed: %s", worker.index(), e.getMessage());
      }
    }
  }
}
