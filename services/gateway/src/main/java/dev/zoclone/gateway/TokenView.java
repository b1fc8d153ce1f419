package dev.zoclone.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One of the caller's tokens as listed: never the secret, which is not stored.
 *
 * @param id the token's id, which revokes it
 * @param name the label given when it was created
 * @param createdAt when it was created
 * @param lastUsedAt when it last authenticated a request (to within a minute), or null
 */
public record TokenView(
    String id,
    String name,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_used_at") Instant lastUsedAt) {

  /** Body of {@code GET /api/v1/tokens}, oldest first. */
  public record TokenList(List<TokenView> tokens) {}
}
