package dev.zoclone.supervisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.supervisor.SupervisorCaller;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SandboxedProcessTest {
  private final SupervisorCaller ada = SupervisorCaller.fresh();

  @AfterEach
  void cleanUp() {
    ada.deleteAll();
  }

  @Test
  void theEnvironmentHoldsOnlyPathLangHomeAndTheUsersVariables() {
    ada.created(
        Map.of(
            "name", "env",
            "command", "env",
            "env", Map.of("GREETING", "hi"),
            "restart", "never",
            "start_seconds", 0));

    ada.awaitStatus("env", "EXITED");

    // PWD is bubblewrap's, from its --chdir.
    assertThat(ada.logs("env", "stdout", 100))
        .containsExactlyInAnyOrder(
            "GREETING=hi",
            "HOME=/work",
            "LANG=C.UTF-8",
            "PATH=/usr/local/bin:/usr/bin:/bin",
            "PWD=/work");
  }

  @Test
  void theSystemIsReadOnlyAndTheHomeIsKeptAcrossRestarts() {
    ada.created(
        SupervisorCaller.bash(
            "counter",
            "touch /usr/zo-probe 2>/dev/null || echo system-read-only;"
                + " echo $(( $(cat runs 2>/dev/null || echo 0) + 1 )) > runs; echo run-$(cat runs);"
                + " sleep 600",
            "start_seconds",
            0));
    ada.awaitStatus("counter", "RUNNING");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ada.logs("counter", "stdout", 10).size() == 2);

    ada.action("counter", "restart");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ada.logs("counter", "stdout", 10)
                    .equals(List.of("system-read-only", "run-1", "system-read-only", "run-2")));
  }
}
