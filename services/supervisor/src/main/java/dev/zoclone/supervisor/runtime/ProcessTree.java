package dev.zoclone.supervisor.runtime;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a launched process and everything it started: SIGTERM to the user's processes, then SIGKILL
 * to the whole tree once the grace period is over, so no child is left behind.
 */
public final class ProcessTree {
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private ProcessTree() {}

  /** Stops the tree under {@code root}; returns once the root has exited. */
  public static void terminate(ProcessHandle root, Duration grace) {
    Set<ProcessHandle> seen = new LinkedHashSet<>();
    root.descendants().forEach(seen::add);
    // The sandbox's own processes (bwrap) are left alone at first: killing them would tear the
    // sandbox down at once, without the grace period the user's processes are owed.
    seen.stream().filter(ProcessTree::isUserProcess).forEach(ProcessHandle::destroy);
    if (seen.isEmpty() || isUserProcess(root)) {
      root.destroy();
    }
    if (!awaitExit(root, grace)) {
      root.descendants().forEach(seen::add);
      seen.forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
      awaitExit(root, KILL_WAIT);
    }
    // Children that outlived their parent (re-parented elsewhere) go too.
    seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    seen.forEach(handle -> awaitExit(handle, KILL_WAIT));
  }

  private static boolean isUserProcess(ProcessHandle handle) {
    return handle.info().command().map(command -> !command.endsWith("/bwrap")).orElse(true);
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }
}
