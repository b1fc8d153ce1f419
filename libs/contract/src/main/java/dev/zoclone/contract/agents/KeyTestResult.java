package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of {@code POST /api/v1/keys/{name}/test}: one cheap call to the provider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyTestResult(boolean ok, @JsonProperty("latency_ms") long latencyMs, String error) {}
