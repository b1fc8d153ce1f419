package dev.zoclone.contract.memory;

import java.util.List;

/** Memories found by recall, best first. */
public record RecallResponse(List<RecalledMemory> results) {}
