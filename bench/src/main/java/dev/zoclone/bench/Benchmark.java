package dev.zoclone.bench;

import java.util.List;

/**
 * A benchmark of the running stack: it starts what it measures (e2e's {@code LocalPlatform}),
 * drives it through the gateway as a user would, and returns its figures. Sizes come from system
 * properties named {@code bench.<name>.*}, with defaults that fit a 2-core machine.
 */
public interface Benchmark {
  /** The name {@code bench/run} selects it by. */
  String name();

  /** Runs the benchmark and returns its figures. */
  List<Figure> run() throws Exception;

  /** An integer size from {@code bench.<name>.<key>}, or {@code fallback}. */
  default int size(String key, int fallback) {
    return Integer.getInteger("bench." + name() + "." + key, fallback);
  }
}
