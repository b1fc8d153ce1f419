package dev.zoclone.gateway.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PUT /api/v1/users/{id}/limits}.
 *
 * @param requestsPerSecond how many requests per second each of the user's tokens may make
 * @param burst how many requests a token may make at once above that rate
 */
public record LimitsRequest(
    @JsonProperty("requests_per_second") @NotNull @DecimalMin("0.001") @DecimalMax("100000")
        Double requestsPerSecond,
    @NotNull @Min(1) @Max(100000) Integer burst) {}
