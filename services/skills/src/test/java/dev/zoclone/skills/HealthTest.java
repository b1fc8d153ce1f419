package dev.zoclone.skills;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import dev.zoclone.testing.service.ServiceHealthChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class HealthTest extends ServiceHealthChecks {
  @Override
  protected String serviceName() {
    return "skills";
  }

  @Override
  protected boolean usesKafka() {
    return false;
  }
}
