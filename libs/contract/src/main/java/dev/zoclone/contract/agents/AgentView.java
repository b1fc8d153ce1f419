package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An agent run: QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED or TIMED_OUT. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentView(
    String id,
    String status,
    String output,
    String error,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("finished_at") Instant finishedAt) {}
