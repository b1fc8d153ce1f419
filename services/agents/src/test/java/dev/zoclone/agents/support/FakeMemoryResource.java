package dev.zoclone.agents.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the one {@link FakeMemoryService} of the test run and points the memory client at it. */
public class FakeMemoryResource implements QuarkusTestResourceLifecycleManager {
  private static volatile FakeMemoryService memory;

  /** The running fake memory service. */
  public static FakeMemoryService memory() {
    return memory;
  }

  @Override
  public synchronized Map<String, String> start() {
    if (memory == null) {
      memory = new FakeMemoryService("test-internal-secret");
    }
    return Map.of("quarkus.rest-client.memory.url", memory.baseUrl());
  }

  @Override
  public void stop() {
    // kept for the whole JVM: every test class shares one Quarkus app and one fake memory
  }
}
