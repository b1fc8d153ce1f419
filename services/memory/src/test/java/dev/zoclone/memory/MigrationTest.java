package dev.zoclone.memory;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import dev.zoclone.testing.service.ServiceMigrationChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class MigrationTest extends ServiceMigrationChecks {
  @Override
  protected String schema() {
    return "memory";
  }

  @Override
  protected List<String> serviceTables() {
    return List.of(
        "memory", "memory_chunk", "memory_version", "memory_audit", "conversation", "message");
  }
}
