package dev.zoclone.testing.fakemodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the requests a server received and the answers clients hung up on, in arrival order, safe
 * to read while more arrive.
 */
final class RequestJournal {

  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<Disconnect> disconnects = new ArrayList<>();

  synchronized void record(RecordedRequest request) {
    requests.add(request);
    notifyAll();
  }

  synchronized void disconnected(Disconnect disconnect) {
    disconnects.add(disconnect);
    notifyAll();
  }

  synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  synchronized List<Disconnect> disconnects() {
    return List.copyOf(disconnects);
  }

  synchronized int size() {
    return requests.size();
  }

  synchronized List<RecordedRequest> await(int count, Duration timeout)
      throws InterruptedException {
    awaitSize(
        () -> requests.size(),
        count,
        timeout,
        () -> "requests but got %d: %s".formatted(requests.size(), describe()));
    return List.copyOf(requests);
  }

  synchronized List<Disconnect> awaitDisconnects(int count, Duration timeout)
      throws InterruptedException {
    awaitSize(
        () -> disconnects.size(),
        count,
        timeout,
        () -> "disconnects but got %d (of %d requests)".formatted(disconnects.size(), size()));
    return List.copyOf(disconnects);
  }

  private void awaitSize(
      Supplier<Integer> size, int count, Duration timeout, Supplier<String> failure)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (size.get() < count) {
      long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (leftMillis <= 0) {
        throw new AssertionError(
            "expected at least %d %s within %s".formatted(count, failure.get(), timeout));
      }
      wait(leftMillis);
    }
  }

  private String describe() {
    return requests.stream().map(r -> r.method() + " " + r.path()).toList().toString();
  }
}
