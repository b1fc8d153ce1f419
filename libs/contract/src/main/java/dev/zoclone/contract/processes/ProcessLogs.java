package dev.zoclone.contract.processes;

import java.util.List;

/** The last lines of a process's logs, oldest first ({@code GET .../{name}/logs}). */
public record ProcessLogs(List<ProcessLogLine> lines) {}
