package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The saved memory's id, or the id of the near-duplicate it matched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemorizeResponse(String id, @JsonProperty("deduplicated_of") String deduplicatedOf) {}
