package dev.zoclone.cli.identity;

/** Answer of {@code POST /api/v1/tokens}; {@code id} and {@code name} may be absent. */
public record CreatedToken(String id, String name, String token) {}
