package dev.zoclone.skillkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkillRequirementsTest {
  @Test
  void installedProgramsAtAMetVersionAreSatisfied() {
    assertThat(SkillRequirements.missing("python3>=3.8 bash")).isEmpty();
  }

  @Test
  void aMissingProgramOrTooOldVersionIsNamed() {
    assertThat(SkillRequirements.missing("no-such-program-zo python3>=99.1"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("no-such-program-zo is not installed")
                    .contains("is older than 99.1"));
  }

  @Test
  void comparesVersionsNumerically() {
    assertThat(SkillRequirements.compare("3.10", "3.9")).isPositive();
    assertThat(SkillRequirements.compare("3.9", "3.10")).isNegative();
    assertThat(SkillRequirements.compare("3.10.0", "3.10")).isZero();
  }
}
