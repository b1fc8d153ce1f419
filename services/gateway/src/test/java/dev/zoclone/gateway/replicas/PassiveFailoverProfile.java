package dev.zoclone.gateway.replicas;

import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * {@link ReplicaServices} with no periodic readiness check in the test's time: only what the
 * gateway learns from requests moves them (the first request of each service goes to its first
 * URL).
 */
public class PassiveFailoverProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(PostgresResource.class),
        new TestResourceEntry(ReplicaServices.class, Map.of("check-interval", "1h")));
  }
}
