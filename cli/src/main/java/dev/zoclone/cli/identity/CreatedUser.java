package dev.zoclone.cli.identity;

/** Answer of {@code POST /api/v1/users}: the new user and their first token. */
public record CreatedUser(String id, String name, String token) {}
