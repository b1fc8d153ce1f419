package dev.zoclone.gateway.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's rate limit, the answer of {@code GET|PUT|DELETE /api/v1/users/{id}/limits}.
 *
 * @param requestsPerSecond how many requests per second each of the user's tokens may make
 * @param burst how many requests a token may make at once above that rate
 * @param source {@code user} for an override an admin set, {@code default} for the platform's
 */
public record LimitsView(
    @JsonProperty("requests_per_second") double requestsPerSecond, int burst, String source) {

  static LimitsView of(UserLimits.Effective effective) {
    return new LimitsView(
        effective.limits().requestsPerSecond(),
        effective.limits().burst(),
        effective.overridden() ? "user" : "default");
  }
}
