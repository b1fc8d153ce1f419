package dev.zoclone.sandbox;

import java.time.Duration;

/**
 * Limits of one sandboxed process tree.
 *
 * @param wallTime how long the tree may run before it is killed; null for no limit (services)
 * @param cpuSeconds CPU seconds per process (RLIMIT_CPU); 0 for no limit
 * @param memoryBytes data segment and private writable mappings per process (RLIMIT_DATA): what an
 *     allocation takes, unlike the address space that runtimes reserve without using
 * @param maxProcesses processes and threads of the sandbox's user in its own namespace
 * @param maxOpenFiles open file descriptors per process (RLIMIT_NOFILE)
 * @param maxFileBytes the largest file a process may write (RLIMIT_FSIZE)
 */
public record SandboxLimits(
    Duration wallTime,
    int cpuSeconds,
    long memoryBytes,
    int maxProcesses,
    int maxOpenFiles,
    long maxFileBytes) {

  private static final long MIB = 1024L * 1024;

  public SandboxLimits {
    if (wallTime != null && (wallTime.isNegative() || wallTime.isZero())) {
      throw new IllegalArgumentException("wallTime must be positive: " + wallTime);
    }
    if (cpuSeconds < 0 || memoryBytes <= 0 || maxProcesses <= 0 || maxOpenFiles <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive");
    }
  }

  /** A script run: 30 s wall and CPU, 512 MiB, 64 processes, 256 files, 64 MiB per file. */
  public static SandboxLimits scriptDefaults() {
    return new SandboxLimits(Duration.ofSeconds(30), 30, 512 * MIB, 64, 256, 64 * MIB);
  }

  /** A long-running service: no wall or CPU limit, 1 GiB, 256 processes, 1024 files, 1 GiB. */
  public static SandboxLimits serviceDefaults() {
    return new SandboxLimits(null, 0, 1024 * MIB, 256, 1024, 1024 * MIB);
  }

  public SandboxLimits withWallTime(Duration value) {
    return new SandboxLimits(
        value, cpuSeconds, memoryBytes, maxProcesses, maxOpenFiles, maxFileBytes);
  }

  public SandboxLimits withCpuSeconds(int value) {
    return new SandboxLimits(
        wallTime, value, memoryBytes, maxProcesses, maxOpenFiles, maxFileBytes);
  }

  public SandboxLimits withMemoryBytes(long value) {
    return new SandboxLimits(wallTime, cpuSeconds, value, maxProcesses, maxOpenFiles, maxFileBytes);
  }

  public SandboxLimits withMaxProcesses(int value) {
    return new SandboxLimits(wallTime, cpuSeconds, memoryBytes, value, maxOpenFiles, maxFileBytes);
  }

  public SandboxLimits withMaxOpenFiles(int value) {
    return new SandboxLimits(wallTime, cpuSeconds, memoryBytes, maxProcesses, value, maxFileBytes);
  }

  public SandboxLimits withMaxFileBytes(long value) {
    return new SandboxLimits(wallTime, cpuSeconds, memoryBytes, maxProcesses, maxOpenFiles, value);
  }
}
