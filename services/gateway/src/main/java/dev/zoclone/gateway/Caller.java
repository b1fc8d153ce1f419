package dev.zoclone.gateway;

/**
 * The user a request was authenticated as; also the body of {@code GET /api/v1/me}.
 *
 * @param id the user's id, passed on to services in {@code X-Zo-User}
 * @param name the user's unique name
 * @param admin whether the user may manage other users
 */
public record Caller(String id, String name, boolean admin) {}
