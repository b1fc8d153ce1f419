package dev.zoclone.supervisor.repository;

import dev.zoclone.supervisor.ProcessDefinition;
import dev.zoclone.supervisor.ProcessStatus;
import java.time.Instant;

/**
 * A stored process: its definition, what its owner asked for, what its replica reported, and the
 * lease.
 *
 * @param wantsRunning whether the owner last asked it to run
 * @param runRequests bumped by each start and restart request
 * @param leaseLive whether a replica holds an unexpired lease on it
 */
public record ProcessRow(
    ProcessDefinition definition,
    boolean wantsRunning,
    long runRequests,
    boolean deleted,
    ProcessStatus status,
    String reason,
    Long pid,
    Integer boundPort,
    int restarts,
    Integer exitCode,
    Instant startedAt,
    String replicaId,
    String replicaHost,
    long fencingToken,
    boolean leaseLive) {}
