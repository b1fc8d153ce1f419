package dev.zoclone.contract.memory;

import java.util.Map;

/** One memory found by recall, with its best-matching content and its fused score. */
public record RecalledMemory(String id, String content, Map<String, String> meta, double score) {}
