package dev.zoclone.contract.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A stored key as listed: masked ({@code sk-...abcd}), never the key itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(
    String name,
    String provider,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("default_model") String defaultModel,
    String masked,
    @JsonProperty("updated_at") Instant updatedAt) {}
