package dev.zoclone.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A user as an admin sees them.
 *
 * @param id the user's id
 * @param name the user's unique name
 * @param admin whether the user may manage other users
 * @param disabled whether their tokens are refused
 * @param createdAt when the user was created
 */
public record UserView(
    String id,
    String name,
    boolean admin,
    boolean disabled,
    @JsonProperty("created_at") Instant createdAt) {

  /** Body of {@code GET /api/v1/users}, oldest first. */
  public record UserList(List<UserView> users) {}
}
