package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of {@code POST /api/v1/agents/spawn-all}: one result per agent, in the order given. */
public record SpawnAllResponse(List<AgentResult> results) {

  /** How one agent ended. */
  public record AgentResult(
      @JsonProperty("agent_id") String agentId,
      String status,
      String output,
      String error,
      @JsonProperty("duration_ms") long durationMs) {}
}
