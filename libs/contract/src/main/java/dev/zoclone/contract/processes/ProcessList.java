package dev.zoclone.contract.processes;

import java.util.List;

/** The caller's processes, by name ({@code GET /api/v1/processes}). */
public record ProcessList(List<ProcessView> processes) {}
