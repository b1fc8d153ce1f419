package dev.zoclone.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs an operation a number of times from a fixed number of client threads and times each. */
public final class Load {
  /** One operation of a client; {@code index} counts operations across clients from 0. */
  public interface Operation {
    void run(int index) throws Exception;
  }

  /**
   * The outcome of a run.
   *
   * @param latencies each operation's time
   * @param perSecond operations per second over the whole run
   */
  public record Result(Latencies latencies, double perSecond) {}

  private Load() {}

  /** Runs {@code operation} {@code total} times from {@code concurrency} threads. */
  public static Result run(int total, int concurrency, Operation operation) throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>(total));
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> futures = new ArrayList<>();
      long begin = System.nanoTime();
      for (int c = 0; c < concurrency; c++) {
        futures.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    operation.run(i);
                    nanos.add(System.nanoTime() - start);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      return new Result(new Latencies(nanos), total / seconds);
    } finally {
      clients.shutdownNow();
    }
  }
}
