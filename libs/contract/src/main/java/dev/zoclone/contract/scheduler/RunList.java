package dev.zoclone.contract.scheduler;

import java.util.List;

/** Answer of {@code GET /api/v1/automations/{id}/runs}: the fire history, newest first. */
public record RunList(List<RunView> runs) {}
