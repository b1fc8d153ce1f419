package dev.zoclone.contract.memory;

import java.util.Map;

/** Body of {@code POST /api/v1/memories}. */
public record MemorizeRequest(String content, Map<String, String> meta) {}
