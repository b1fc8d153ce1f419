package dev.zoclone.scheduler.service;

import dev.zoclone.scheduler.config.SchedulerConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Drives firing and webhook delivery from the clock; any number of replicas may run it. */
@ApplicationScoped
public class Ticker {
  private final FiringService firing;
  private final WebhookDelivery webhooks;
  private final Clock clock;
  private volatile boolean running;

  public Ticker(
      FiringService firing, WebhookDelivery webhooks, Clock clock, SchedulerConfig config) {
    this.firing = firing;
    this.webhooks = webhooks;
    this.clock = clock;
    this.running = config.ticker().enabled();
  }

  @Scheduled(
      every = "${zo.scheduler.ticker.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void fire() {
    if (running) {
      try {
        firing.fireDue(clock.instant());
      } catch (RuntimeException e) {
        Log.warnf("firing pass failed, will retry: %s", e.getMessage());
      }
    }
  }

  @Scheduled(
      every = "${zo.scheduler.ticker.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliver() {
    if (running) {
      try {
        webhooks.deliverDue(clock.instant());
      } catch (RuntimeException e) {
        Log.warnf("webhook pass failed, will retry: %s", e.getMessage());
      }
    }
  }

  /** Starts ticking (it starts by itself unless {@code zo.scheduler.ticker.enabled=false}). */
  public void start() {
    running = true;
  }

  /** Stops ticking; a pass under way finishes. */
  public void stop() {
    running = false;
  }
}
