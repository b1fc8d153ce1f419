package dev.zoclone.memory.messaging;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.memory.service.IngestService;
import dev.zoclone.platform.events.EventJson;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code zo.memory.ingest} in batches (one embedding pass per poll) on a worker thread;
 * idempotent on the event id. A record that is not an event envelope is logged and skipped.
 */
@ApplicationScoped
public class IngestConsumer {
  /** The channel bound to {@code zo.memory.ingest} in application.properties. */
  public static final String CHANNEL = "memory-ingest";

  private static final int ATTEMPTS = 3;

  private final IngestService ingest;

  public IngestConsumer(IngestService ingest) {
    this.ingest = ingest;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public void consume(List<String> records) {
    List<EventEnvelope> events = new ArrayList<>(records.size());
    for (String record : records) {
      EventJson.readOrSkip(record, Topics.MEMORY_INGEST).ifPresent(events::add);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        int stored = ingest.ingest(events);
        Log.debugf("ingested %d of %d records", stored, records.size());
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        Log.warnf("ingest batch failed (attempt %d), retrying: %s", attempt, e.getMessage());
        sleep(500L * attempt);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
