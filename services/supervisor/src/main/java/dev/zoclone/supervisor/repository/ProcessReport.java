package dev.zoclone.supervisor.repository;

import dev.zoclone.supervisor.ProcessStatus;
import java.time.Instant;

/** What a replica observed of a process it runs, written under its fencing token. */
public record ProcessReport(
    ProcessStatus status,
    String reason,
    Long pid,
    Integer boundPort,
    int restarts,
    Integer exitCode,
    Instant startedAt) {}
