package dev.zoclone.contract.skills;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.zoclone.contract.Problem.FieldError;
import java.util.List;

/**
 * The answer to an install: the skill's name, its version (SHA-256), whether it is shared, and
 * warnings that did not block it (such as the legacy {@code triggers} key).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstalledSkill(
    String name, String version, boolean shared, List<FieldError> warnings) {}
