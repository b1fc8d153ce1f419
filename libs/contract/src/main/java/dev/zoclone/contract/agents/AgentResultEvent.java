package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The one record on {@code zo.agent.results} for a request: SUCCEEDED or FAILED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentResultEvent(
    @JsonProperty("request_id") String requestId,
    String status,
    String output,
    String error,
    @JsonProperty("conversation_id") String conversationId) {}
