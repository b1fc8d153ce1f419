package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /api/v1/agents}: one background agent. */
public record AgentRequest(
    String prompt,
    @JsonProperty("model_name") String modelName,
    List<String> tools,
    @JsonProperty("timeout_ms") Long timeoutMs) {}
