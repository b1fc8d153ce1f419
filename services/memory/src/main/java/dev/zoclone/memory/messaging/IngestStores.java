package dev.zoclone.memory.messaging;

import dev.zoclone.memory.service.EmbeddedBatch;
import dev.zoclone.memory.service.IngestService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Stores embedded ingest batches one at a time, in the order given, on a thread of its own, so the
 * consumer embeds the next batch meanwhile and the model and the database work at once. At most one
 * batch waits behind the one being stored: {@link #submit} blocks until there is room.
 */
@ApplicationScoped
class IngestStores {
  private static final int IN_FLIGHT = 2;

  private final IngestService ingest;
  private final Semaphore room = new Semaphore(IN_FLIGHT);
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread storing = new Thread(task, "memory-ingest-store");
            storing.setDaemon(true);
            return storing;
          });

  IngestStores(IngestService ingest) {
    this.ingest = ingest;
  }

  /** Queues the batch's store once there is room; completes with how many items were stored. */
  CompletableFuture<Integer> submit(EmbeddedBatch batch) throws InterruptedException {
    room.acquire();
    try {
      return CompletableFuture.supplyAsync(
              () -> Retries.call("ingest store", () -> ingest.store(batch)), thread)
          .whenComplete((stored, failure) -> room.release());
    } catch (RejectedExecutionException e) {
      room.release();
      throw e;
    }
  }

  /** Lets the stores already queued finish: their records are acknowledged only then. */
  @PreDestroy
  void close() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(30, TimeUnit.SECONDS);
  }
}
