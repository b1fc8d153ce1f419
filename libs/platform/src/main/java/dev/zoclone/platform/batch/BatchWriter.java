package dev.zoclone.platform.batch;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes items that arrive at the same moment together, on one background thread: each batch is
 * what waited in the queue (at most {@code maxBatch}), handed to the sink in one call. A batch the
 * sink fails goes to the failure handler (which may fail its callers or {@link #requeue} it), and
 * the thread pauses before the next one, so a database that is down is not hammered.
 */
public final class BatchWriter<T> {
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  private final String name;
  private final int maxBatch;
  private final Consumer<List<T>> sink;
  private final BiConsumer<List<T>, RuntimeException> onFailure;
  private final LinkedBlockingQueue<T> pending = new LinkedBlockingQueue<>();
  // Held from taking items off the queue until the sink returns, so flush() never returns while a
  // batch is on its way.
  private final ReentrantLock writing = new ReentrantLock();
  private volatile Thread thread;

  /**
   * A writer named {@code name} (its thread's name) that hands batches of at most {@code maxBatch}
   * items to {@code sink} and failed batches to {@code onFailure}.
   */
  public BatchWriter(
      String name,
      int maxBatch,
      Consumer<List<T>> sink,
      BiConsumer<List<T>, RuntimeException> onFailure) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    this.name = name;
    this.maxBatch = maxBatch;
    this.sink = sink;
    this.onFailure = onFailure;
  }

  /** Starts the background thread. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    Thread started = new Thread(this::writeLoop, name);
    started.setDaemon(true);
    started.start();
    thread = started;
  }

  /**
   * Stops the background thread, waiting for the batch in hand; items still waiting go to the
   * failure handler with an exception saying the writer stopped.
   */
  public void stop() throws InterruptedException {
    Thread running;
    synchronized (this) {
      running = thread;
      thread = null;
    }
    if (running != null) {
      running.interrupt();
      running.join(TimeUnit.SECONDS.toMillis(10));
    }
    List<T> left = new ArrayList<>();
    pending.drainTo(left);
    if (!left.isEmpty()) {
      onFailure.accept(left, new IllegalStateException(name + " is stopping"));
    }
  }

  /** Queues one item; the background thread writes it soon. */
  public void add(T item) {
    pending.add(item);
  }

  /** Puts items back in the queue, for a failure handler that retries later. */
  public void requeue(List<T> items) {
    pending.addAll(items);
  }

  /**
   * Writes everything waiting now, on the caller's thread, and returns once every item queued
   * before the call has reached the sink; a sink failure goes to the failure handler and is thrown.
   */
  public void flush() {
    writing.lock();
    try {
      List<T> batch = new ArrayList<>();
      while (pending.drainTo(batch, maxBatch) > 0) {
        write(batch);
        batch.clear();
      }
    } finally {
      writing.unlock();
    }
  }

  private void writeLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        T first = pending.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        writing.lock();
        try {
          List<T> batch = new ArrayList<>();
          batch.add(first);
          pending.drainTo(batch, maxBatch - 1);
          write(batch);
        } finally {
          writing.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        Log.warnf("%s: writing a batch failed: %s", name, e.toString());
        pause();
      }
    }
  }

  private void write(List<T> batch) {
    try {
      sink.accept(batch);
    } catch (RuntimeException e) {
      onFailure.accept(List.copyOf(batch), e);
      throw e;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
