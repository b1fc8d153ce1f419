package dev.zoclone.agents.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaIdTest {
  @Test
  void aReplicaStartedAgainUnderTheSameNameGetsANewId() {
    String first = RunOwnership.newId(Optional.of("agents-0"));
    String second = RunOwnership.newId(Optional.of("agents-0"));

    assertThat(first).startsWith("agents-0-");
    assertThat(second).startsWith("agents-0-").isNotEqualTo(first);
  }

  @Test
  void aBlankNameFallsBackToTheHostName() {
    String id = RunOwnership.newId(Optional.of(" "));

    assertThat(id).doesNotStartWith(" ").matches(".+-[0-9a-f]{8}");
  }
}
