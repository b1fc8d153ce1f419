package dev.zoclone.gateway.rest;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/tokens}; optional.
 *
 * @param name a label for the token, e.g. the machine it is for
 */
public record NewTokenRequest(@Size(min = 1, max = 64) String name) {}
