package dev.zoclone.gateway.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/users}.
 *
 * @param name the new user's unique name
 */
public record NewUserRequest(
    @NotNull
        @Size(min = 1, max = 64)
        @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]*",
            message =
                "use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit")
        String name) {}
