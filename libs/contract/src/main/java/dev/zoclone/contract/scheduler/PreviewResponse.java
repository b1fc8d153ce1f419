package dev.zoclone.contract.scheduler;

import java.util.List;

/** Answer of {@code POST /api/v1/automations/preview}: the first occurrences, in order. */
public record PreviewResponse(List<Occurrence> occurrences) {}
