package dev.zoclone.gateway.replicas;

import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * {@link ReplicaServices} with no periodic readiness check in the test's time: only what the
 * gateway learns from requests moves them (the first request of each service goes to its first
 * URL). The tests are about dropped and refused connections, not slow ones: the service timeout is
 * long enough that a dropped connection is always seen as such on a loaded machine (with the test
 * default of 1 s it sometimes became a 504 first).
 */
public class PassiveFailoverProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("zo.gateway.timeout", "20s");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(PostgresResource.class),
        new TestResourceEntry(ReplicaServices.class, Map.of("check-interval", "1h")));
  }
}
