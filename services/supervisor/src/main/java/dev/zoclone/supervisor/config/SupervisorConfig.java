package dev.zoclone.supervisor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the supervisor service, under {@code zo.supervisor}. */
@ConfigMapping(prefix = "zo.supervisor")
public interface SupervisorConfig {

  /**
   * Where each process's home and logs live ({@code <data-dir>/<process id>/home|logs}); replicas
   * that may take over each other's processes share it.
   */
  Path dataDir();

  /** The host name or address of this replica, as the gateway reaches processes it runs. */
  @WithDefault("127.0.0.1")
  String advertiseHost();

  /** This replica's id; a fresh one per start when unset. */
  Optional<String> replicaId();

  /** How long a replica's lease on a process lives without being renewed. */
  @WithDefault("15s")
  Duration leaseTtl();

  /** How often a replica renews its leases, applies requests and looks for orphaned processes. */
  @WithDefault("1s")
  Duration leaseInterval();

  /** Defaults for process definitions. */
  Defaults defaults();

  /** Longest delay between two failed starts. */
  @WithDefault("30s")
  Duration maxBackoff();

  /** How often a starting http/tcp process's port is probed. */
  @WithDefault("100ms")
  Duration probeInterval();

  /** Rotation of each process's log files. */
  Logs logs();

  /** Limits of each process's sandbox. */
  Limits limits();

  /** Defaults for process definitions. */
  interface Defaults {
    /** Failed starts in a row before FATAL. */
    @WithDefault("5")
    int maxRestarts();

    /** How long a start must live to count as successful. */
    @WithDefault("1")
    int startSeconds();

    /** Time between SIGTERM and SIGKILL. */
    @WithDefault("5000")
    int stopGraceMs();

    /** First delay after a failed start; it doubles each time up to max-backoff. */
    @WithDefault("1000")
    int backoffMs();
  }

  /** Rotation of each process's log files. */
  interface Logs {
    /** Size at which the current file is rotated. */
    @WithDefault("10485760")
    long maxFileBytes();

    /** Rotated files kept besides the current one. */
    @WithDefault("5")
    int maxFiles();

    /** Longest line kept whole; longer ones are split. */
    @WithDefault("65536")
    int maxLineBytes();

    /** How often a follower looks for new lines. */
    @WithDefault("200ms")
    Duration followPollInterval();
  }

  /** Limits of each process's sandbox. */
  interface Limits {
    /** Memory of the process tree. */
    @WithDefault("1073741824")
    long memoryBytes();

    /** Processes the sandbox's user may run. */
    @WithDefault("256")
    int maxProcesses();

    /** Open files per process. */
    @WithDefault("1024")
    int maxOpenFiles();
  }
}
