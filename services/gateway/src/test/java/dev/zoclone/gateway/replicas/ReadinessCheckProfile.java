package dev.zoclone.gateway.replicas;

import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** {@link ReplicaServices} with every replica's readiness checked every 300 ms. */
public class ReadinessCheckProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(PostgresResource.class),
        new TestResourceEntry(ReplicaServices.class, Map.of("check-interval", "300ms")));
  }
}
