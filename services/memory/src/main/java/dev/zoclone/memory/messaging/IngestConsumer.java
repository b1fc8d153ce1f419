package dev.zoclone.memory.messaging;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.memory.service.EmbeddedBatch;
import dev.zoclone.memory.service.IngestService;
import dev.zoclone.platform.events.EventJson;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code zo.memory.ingest} in batches on a worker thread: embeds each poll's records in
 * one model pass, then hands them to {@link IngestStores} and goes on with the next poll while they
 * are stored. A batch is acknowledged (its offsets committed) once it is stored; idempotent on the
 * event id. A record that is not an event envelope is logged and skipped.
 */
@ApplicationScoped
public class IngestConsumer {
  /** The channel bound to {@code zo.memory.ingest} in application.properties. */
  public static final String CHANNEL = "memory-ingest";

  private final IngestService ingest;
  private final IngestStores stores;

  IngestConsumer(IngestService ingest, IngestStores stores) {
    this.ingest = ingest;
    this.stores = stores;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(Message<List<String>> records) {
    List<EventEnvelope> events = new ArrayList<>(records.getPayload().size());
    for (String record : records.getPayload()) {
      EventJson.readOrSkip(record, Topics.MEMORY_INGEST).ifPresent(events::add);
    }
    CompletableFuture<Integer> stored;
    try {
      EmbeddedBatch batch = Retries.call("ingest embedding", () -> ingest.embed(events));
      stored = stores.submit(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return records.nack(e);
    } catch (RuntimeException e) {
      return records.nack(e);
    }
    stored.whenComplete(
        (Integer count, Throwable failure) -> {
          if (failure == null) {
            Log.debugf("ingested %d of %d records", count.intValue(), records.getPayload().size());
            records.ack();
          } else {
            records.nack(failure);
          }
        });
    return CompletableFuture.completedFuture(null);
  }
}
