package dev.zoclone.contract.memory;

import java.util.List;

/** Body of {@code GET /api/v1/memories/{id}/history}: earlier versions, newest first. */
public record MemoryHistory(String id, List<MemoryVersion> versions) {}
