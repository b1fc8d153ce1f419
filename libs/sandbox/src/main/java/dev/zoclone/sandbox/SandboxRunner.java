package dev.zoclone.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one sandboxed command to its end: the input is fed on its own thread (a child that exits or
 * never reads is not an error), stdout and stderr are drained at once and capped, and the wall time
 * is enforced by killing the whole process tree.
 */
public final class SandboxRunner {
  /** How long the output of a killed tree may take to close its pipes. */
  private static final long DRAIN_AFTER_EXIT_MS = 5_000;

  private final int outputCapBytes;

  /** A runner keeping at most {@code outputCapBytes} of each of stdout and stderr. */
  public SandboxRunner(int outputCapBytes) {
    if (outputCapBytes <= 0) {
      throw new IllegalArgumentException("outputCapBytes must be positive");
    }
    this.outputCapBytes = outputCapBytes;
  }

  /** Runs {@code spec} with {@code stdin} as its input and waits for the whole tree to end. */
  public SandboxResult run(SandboxSpec spec, byte[] stdin) throws IOException {
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(Sandbox.commandLine(spec));
    builder.environment().clear();
    builder.directory(spec.workdir().toFile());
    Process process = builder.start();
    CappedCapture out = CappedCapture.start(process.getInputStream(), outputCapBytes, "sbx-out");
    CappedCapture err = CappedCapture.start(process.getErrorStream(), outputCapBytes, "sbx-err");
    Thread feeder = feed(process.getOutputStream(), stdin == null ? new byte[0] : stdin);
    boolean timedOut = false;
    try {
      Duration wall = spec.limits().wallTime();
      if (wall == null) {
        process.waitFor();
      } else if (!process.waitFor(wall.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        ProcessTree.kill(process.toHandle());
        process.waitFor();
      }
      out.await(DRAIN_AFTER_EXIT_MS);
      err.await(DRAIN_AFTER_EXIT_MS);
    } catch (InterruptedException e) {
      ProcessTree.kill(process.toHandle());
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the sandbox ran", e);
    } finally {
      feeder.interrupt();
      closeQuietly(process.getOutputStream());
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new SandboxResult(
        process.exitValue(),
        out.text(),
        out.truncated(),
        err.text(),
        err.truncated(),
        timedOut,
        durationMs);
  }

  private static Thread feed(OutputStream in, byte[] bytes) {
    Thread feeder =
        new Thread(
            () -> {
              try (in) {
                in.write(bytes);
              } catch (IOException e) {
                // the child exited or closed its input without reading all of it
              }
            },
            "sbx-in");
    feeder.setDaemon(true);
    feeder.start();
    return feeder;
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // already closed by the feeder or broken by the child's exit
    }
  }
}
