package dev.zoclone.testing.fakemodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps the requests a server received, in arrival order, safe to read while more arrive. */
final class RequestJournal {

  private final List<RecordedRequest> requests = new ArrayList<>();

  synchronized void record(RecordedRequest request) {
    requests.add(request);
    notifyAll();
  }

  synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  synchronized int size() {
    return requests.size();
  }

  synchronized List<RecordedRequest> await(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count) {
      long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (leftMillis <= 0) {
        throw new AssertionError(
            "expected at least %d requests within %s but got %d: %s"
                .formatted(count, timeout, requests.size(), describe()));
      }
      wait(leftMillis);
    }
    return List.copyOf(requests);
  }

  private String describe() {
    return requests.stream().map(r -> r.method() + " " + r.path()).toList().toString();
  }
}
