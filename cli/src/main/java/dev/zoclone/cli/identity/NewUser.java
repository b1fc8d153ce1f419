package dev.zoclone.cli.identity;

/** Body of {@code POST /api/v1/users}. */
public record NewUser(String name) {}
