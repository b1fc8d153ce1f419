package dev.zoclone.gateway;

import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The one profile of every gateway test, so Quarkus starts once per run: a fresh database and the
 * {@link FakeServices}.
 */
public class GatewayTestProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(PostgresResource.class), new TestResourceEntry(FakeServices.class));
  }
}
