package dev.zoclone.gateway;

/**
 * A new API token, shown once.
 *
 * @param id the token's id, for {@code DELETE /api/v1/tokens/{id}}
 * @param token the token in plain text; only its hash is stored
 */
public record IssuedToken(String id, String token) {}
