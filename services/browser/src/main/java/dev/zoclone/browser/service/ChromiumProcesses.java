package dev.zoclone.browser.service;

import dev.zoclone.sandbox.ProcessTree;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The processes of one worker: its Chromium, recognised by a switch of its own on the command line,
 * and the Playwright driver that launched it (the child of this JVM above that Chromium). Killing
 * them is how a worker whose Playwright no longer answers is given up.
 */
final class ChromiumProcesses {
  private final String marker;
  private volatile ProcessHandle browser;
  private volatile ProcessHandle driver;

  /** {@code marker}: a switch (e.g. {@code --zo-browser-worker=<uuid>}) only this worker passes. */
  ChromiumProcesses(String marker) {
    this.marker = marker;
  }

  String marker() {
    return marker;
  }

  /** Looks up the Chromium just launched with the marker, and its driver. */
  void found() {
    Optional<ProcessHandle> launched =
        ProcessHandle.current()
            .descendants()
            .filter(p -> isBrowser(p.info().arguments().orElse(new String[0])))
            .findFirst();
    if (launched.isEmpty()) {
      Log.warnf("no Chromium process with %s found; it cannot be killed if it hangs", marker);
      return;
    }
    browser = launched.get();
    driver = childOfThisJvmAbove(browser).orElse(driver);
  }

  private boolean isBrowser(String[] arguments) {
    List<String> args = Arrays.asList(arguments);
    return args.contains(marker) && args.stream().noneMatch(a -> a.startsWith("--type="));
  }

  private static Optional<ProcessHandle> childOfThisJvmAbove(ProcessHandle process) {
    long self = ProcessHandle.current().pid();
    Optional<ProcessHandle> at = Optional.of(process);
    while (at.isPresent()) {
      Optional<ProcessHandle> parent = at.get().parent();
      if (parent.isPresent() && parent.get().pid() == self) {
        return at;
      }
      at = parent;
    }
    return Optional.empty();
  }

  OptionalLong browserPid() {
    ProcessHandle known = browser;
    return known == null ? OptionalLong.empty() : OptionalLong.of(known.pid());
  }

  /** SIGKILLs the driver and every process under it (Chromium and its helpers), or the Chromium. */
  void kill() {
    int killed = roots().stream().mapToInt(ProcessTree::kill).sum();
    Log.infof("killed %d process(es) of the worker launched with %s", killed, marker);
  }

  private List<ProcessHandle> roots() {
    List<ProcessHandle> roots = new ArrayList<>();
    Optional.ofNullable(driver).ifPresent(roots::add);
    Optional.ofNullable(browser).filter(b -> driver == null).ifPresent(roots::add);
    return roots;
  }
}
