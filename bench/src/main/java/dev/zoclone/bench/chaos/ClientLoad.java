package dev.zoclone.bench.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of client traffic kept up during the chaos run: a loop that performs an operation
 * (retrying it, as a client would, until it is acknowledged), and records what it saw: the ids the
 * platform acknowledged, the failures by kind, the slowest single call and the time of the last
 * success.
 */
final class ClientLoad implements Runnable {
  /** One attempt of an operation; returns the id the platform acknowledged, or throws. */
  interface Operation {
    String attempt(int index) throws Exception;
  }

  private final String name;
  private final Operation operation;
  private final long pauseMillis;
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final AtomicLong slowestNanos = new AtomicLong();
  private volatile long lastSuccessNanos;
  private volatile boolean running = true;

  ClientLoad(String name, long pauseMillis, Operation operation) {
    this.name = name;
    this.pauseMillis = pauseMillis;
    this.operation = operation;
  }

  @Override
  public void run() {
    for (int index = 0; running; index++) {
      while (running) {
        long begin = System.nanoTime();
        try {
          String id = operation.attempt(index);
          slowestNanos.accumulateAndGet(System.nanoTime() - begin, Math::max);
          acknowledged.add(id);
          lastSuccessNanos = System.nanoTime();
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          slowestNanos.accumulateAndGet(System.nanoTime() - begin, Math::max);
          failures.merge(kind(e), 1, Integer::sum);
          pause(200);
        }
      }
      pause(pauseMillis);
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }

  private static String kind(Exception e) {
    String message = String.valueOf(e.getMessage());
    return e instanceof ClientException client
        ? client.kind()
        : e.getClass().getSimpleName() + (message.length() > 60 ? "" : ": " + message);
  }

  void stop() {
    running = false;
  }

  String name() {
    return name;
  }

  List<String> acknowledged() {
    return acknowledged;
  }

  Map<String, Integer> failures() {
    return failures;
  }

  double slowestSeconds() {
    return slowestNanos.get() / 1e9;
  }

  long lastSuccessNanos() {
    return lastSuccessNanos;
  }
}
