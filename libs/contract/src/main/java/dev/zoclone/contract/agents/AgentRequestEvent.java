package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A record on {@code zo.agent.requests}: any producer may ask an agent. */
public record AgentRequestEvent(
    @JsonProperty("request_id") String requestId,
    String user,
    String prompt,
    @JsonProperty("conversation_id") String conversationId,
    @JsonProperty("model_name") String modelName) {}
