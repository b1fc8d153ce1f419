package dev.zoclone.scheduler.service;

import dev.zoclone.platform.outbox.OutboxRelay;
import dev.zoclone.scheduler.config.SchedulerConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Drives firing and webhook delivery from the clock; any number of replicas may run it.
 *
 * <p>Firing runs on its own thread rather than {@code @Scheduled}, whose intervals cannot go below
 * one second: after each pass it sleeps until the earliest stored next run (at most {@code
 * zo.scheduler.ticker.interval}), and hands what it fired straight to the outbox relay instead of
 * waiting for the relay's next tick. That keeps the lag from due time to Kafka well under a second.
 */
@ApplicationScoped
public class Ticker {
  /** Shortest sleep between passes, so a clock skew or a row due now cannot spin the loop. */
  private static final long MIN_WAIT_MS = 5;

  private final FiringService firing;
  private final WebhookDelivery webhooks;
  private final Clock clock;
  private final SchedulerConfig config;
  private final Instance<OutboxRelay> relay;
  private final Object wakeUp = new Object();
  private volatile boolean running;
  private volatile boolean shutDown;
  private Thread loop;

  public Ticker(
      FiringService firing,
      WebhookDelivery webhooks,
      Clock clock,
      SchedulerConfig config,
      Instance<OutboxRelay> relay) {
    this.firing = firing;
    this.webhooks = webhooks;
    this.clock = clock;
    this.config = config;
    this.relay = relay;
    this.running = config.ticker().enabled();
  }

  void onStart(@Observes StartupEvent event) {
    loop = new Thread(this::fireLoop, "scheduler-ticker");
    loop.setDaemon(true);
    loop.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    shutDown = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll(); // not an interrupt: a pass under way finishes its transaction
    }
    if (loop != null) {
      loop.join(Duration.ofSeconds(10).toMillis());
    }
  }

  @Scheduled(
      every = "${zo.scheduler.webhook.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliver() {
    if (running) {
      try {
        // returns once the attempts are started: a slow receiver never holds up the next pass
        webhooks.deliverDue(clock.instant());
      } catch (RuntimeException e) {
        Log.warnf("webhook pass failed, will retry: %s", e.getMessage());
      }
    }
  }

  /** Starts ticking (it starts by itself unless {@code zo.scheduler.ticker.enabled=false}). */
  public void start() {
    running = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  /** Stops ticking; a pass under way finishes. */
  public void stop() {
    running = false;
  }

  private void fireLoop() {
    while (!shutDown) {
      long waitMs = config.ticker().interval().toMillis();
      if (running) {
        waitMs = Math.max(MIN_WAIT_MS, Math.min(waitMs, firePass()));
      }
      try {
        synchronized (wakeUp) {
          wakeUp.wait(waitMs);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Fires what is due, relays it, and answers how long until the next stored run. */
  private long firePass() {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      firing.fireDue(clock.instant(), this::relayNow);
      Optional<Instant> next = firing.nextDue();
      return next.map(at -> Duration.between(clock.instant(), at).toMillis())
          .orElse(Long.MAX_VALUE);
    } catch (RuntimeException e) {
      Log.warnf("firing pass failed, will retry: %s", e.getMessage());
      return Long.MAX_VALUE;
    } finally {
      requestContext.terminate();
    }
  }

  /** Sends the events just queued, in full batches, without waiting for the relay's own tick. */
  private void relayNow() {
    if (relay.isResolvable()) {
      while (!shutDown && relay.get().relayPending() > 0) {
        Log.trace("relayed a batch of fired events");
      }
    }
  }
}
