package dev.zoclone.sandbox;

import java.util.List;
import java.util.stream.Stream;

/** Ends a process and every process it started, with SIGKILL. */
public final class ProcessTree {
  private ProcessTree() {}

  /**
   * SIGKILLs every live process under {@code root}, then {@code root}; returns how many were
   * signalled. The tree is read before anything dies: a child whose parent is gone is re-parented
   * and no longer found under the root.
   */
  public static int kill(ProcessHandle root) {
    List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
    return (int) tree.stream().filter(ProcessHandle::destroyForcibly).count();
  }
}
