package dev.zoclone.bench;

/** Samples the machine's load average once a second while a benchmark runs; keeps the highest. */
final class LoadSampler implements AutoCloseable {
  private final Thread thread;
  private volatile double highest = Machine.load();

  LoadSampler() {
    thread = new Thread(this::sample, "load-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      highest = Math.max(highest, Machine.load());
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  double highest() {
    return highest;
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
