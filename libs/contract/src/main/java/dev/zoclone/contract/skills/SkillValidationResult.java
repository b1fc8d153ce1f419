package dev.zoclone.contract.skills;

import dev.zoclone.contract.Problem.FieldError;
import java.util.List;

/** The answer of {@code POST /api/v1/skills/validate}: every problem found, and warnings. */
public record SkillValidationResult(
    boolean valid, List<FieldError> problems, List<FieldError> warnings) {}
