package dev.zoclone.browser;

import dev.zoclone.testing.infra.PostgresResource;
import dev.zoclone.testing.service.ServiceHealthChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HealthTest extends ServiceHealthChecks {
  @Override
  protected String serviceName() {
    return "browser";
  }

  @Override
  protected boolean usesKafka() {
    return false;
  }
}
