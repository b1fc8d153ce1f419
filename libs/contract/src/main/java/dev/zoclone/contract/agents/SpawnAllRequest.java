package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /api/v1/agents/spawn-all}. */
public record SpawnAllRequest(
    List<AgentSpec> agents,
    @JsonProperty("max_concurrency") Integer maxConcurrency,
    @JsonProperty("timeout_ms") Long timeoutMs) {

  /** One agent to run: its caller-chosen id, prompt and optional model. */
  public record AgentSpec(String id, String prompt, @JsonProperty("model_name") String modelName) {}
}
