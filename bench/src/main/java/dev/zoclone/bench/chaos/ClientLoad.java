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
  private volatile boolean calling;

  ClientLoad(String name, long pauseMillis, Operation operation) {
    this.name = name;
    this.pauseMillis = pauseMillis;
    this.operation = operation;
  }

  @Override
  public void run() {
    for (int index = 0; running; index++) {
      while (running && !attempt(index)) {
        pause(200);
      }
      pause(pauseMillis);
    }
  }

  /** One call of the operation; whether the platform acknowledged it. */
  private boolean attempt(int index) {
    long begin = System.nanoTime();
    calling = true;
    try {
      acknowledged.add(operation.attempt(index));
      lastSuccessNanos = System.nanoTime();
      return true;
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      failures.merge(kind(e), 1, Integer::sum);
      return false;
    } finally {
      calling = false;
      slowestNanos.accumulateAndGet(System.nanoTime() - begin, Math::max);
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

  /** Whether a call of this client is on its way now. */
  boolean calling() {
    return calling;
  }

  long lastSuccessNanos() {
    return lastSuccessNanos;
  }
}
