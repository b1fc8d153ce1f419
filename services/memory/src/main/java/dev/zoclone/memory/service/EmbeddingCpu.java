package dev.zoclone.memory.service;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time the embedding model used: the calling threads' own time inside it plus the time of the
 * inference threads ONNX Runtime starts with a session, so that the service's own CPU can be told
 * apart from the model's.
 *
 * <p>ONNX Runtime's intra-op threads are native threads the JVM does not know; they inherit the
 * name of the thread that created the session and run nothing but inference. A model therefore
 * starts on a thread named {@code zo-embedding}, and its inference threads are the threads of that
 * name in {@code /proc/self/task} (on a system without {@code /proc}, only the callers' time is
 * counted).
 */
final class EmbeddingCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double SECONDS_PER_TICK = 0.01; // USER_HZ is 100 on Linux
  // At most 15 characters: Linux keeps no more of a thread's name.
  private static final String STARTER = "zo-embedding";

  private final LongAdder callerNanos = new LongAdder();
  private final List<Path> inferenceThreads = new CopyOnWriteArrayList<>();

  /**
   * Starts a model through {@code start} on a thread of its own name, and keeps the inference
   * threads it started: they carry that name.
   */
  <T> T starting(Supplier<T> start) {
    Set<String> before = tasks();
    AtomicReference<T> model = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                model.set(start.get());
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            STARTER);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the embedding model started", e);
    }
    if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
    if (failure.get() instanceof Error e) {
      throw e;
    }
    for (String task : tasks()) {
      Path thread = TASKS.resolve(task);
      if (!before.contains(task) && STARTER.equals(name(thread))) {
        inferenceThreads.add(thread);
      }
    }
    return model.get();
  }

  /** Runs {@code inference} on this thread and counts this thread's CPU time inside it. */
  <T> T measure(Supplier<T> inference) {
    long started = THREADS.getCurrentThreadCpuTime();
    try {
      return inference.get();
    } finally {
      callerNanos.add(THREADS.getCurrentThreadCpuTime() - started);
    }
  }

  /** The inference threads found so far. */
  int inferenceThreads() {
    return inferenceThreads.size();
  }

  /** Seconds of CPU the model has used so far, on its callers' threads and its own. */
  double seconds() {
    double seconds = callerNanos.sum() / 1e9;
    for (Path thread : inferenceThreads) {
      seconds += ticks(thread) * SECONDS_PER_TICK;
    }
    return seconds;
  }

  private static Set<String> tasks() {
    if (!Files.isDirectory(TASKS)) {
      return Set.of();
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      return tasks.map(task -> task.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      return Set.of();
    }
  }

  private static String name(Path thread) {
    try {
      return Files.readString(thread.resolve("comm")).strip();
    } catch (IOException e) {
      return null;
    }
  }

  /** User and system clock ticks of {@code thread}; 0 once it has ended. */
  private static long ticks(Path thread) {
    try {
      String stat = Files.readString(thread.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      return 0;
    }
  }
}
