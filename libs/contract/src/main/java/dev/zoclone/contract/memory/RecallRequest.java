package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Body of {@code POST /api/v1/memories/recall}; {@code topK} 1..100, default 5. */
public record RecallRequest(
    String query, @JsonProperty("top_k") Integer topK, Map<String, String> filter) {}
