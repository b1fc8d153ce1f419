package dev.zoclone.cli.identity;

/** Body of {@code POST /api/v1/tokens}; a null name is left out. */
public record NewToken(String name) {}
