package dev.zoclone.gateway;

/**
 * A new user with its first token, shown once.
 *
 * @param id the user's id
 * @param name the user's unique name
 * @param token the user's first API token in plain text; only its hash is stored
 */
public record CreatedUser(String id, String name, String token) {}
