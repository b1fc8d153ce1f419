package dev.zoclone.skillkit;

import java.util.List;

/**
 * The outcome of validating one skill: every problem at once, warnings that do not block an
 * install, and the manifest when the skill is valid (null otherwise).
 */
public record SkillValidation(
    boolean valid,
    List<SkillProblem> problems,
    List<SkillProblem> warnings,
    SkillManifest manifest) {

  static SkillValidation invalid(List<SkillProblem> problems) {
    return new SkillValidation(false, List.copyOf(problems), List.of(), null);
  }
}
