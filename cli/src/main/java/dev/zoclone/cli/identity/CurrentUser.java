package dev.zoclone.cli.identity;

/** Answer of {@code GET /api/v1/me}: who the token belongs to. */
public record CurrentUser(String id, String name, boolean admin) {}
