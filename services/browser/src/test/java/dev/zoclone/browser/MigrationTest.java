package dev.zoclone.browser;

import dev.zoclone.testing.infra.PostgresResource;
import dev.zoclone.testing.service.ServiceMigrationChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class MigrationTest extends ServiceMigrationChecks {
  @Override
  protected String schema() {
    return "browser";
  }

  @Override
  protected List<String> serviceTables() {
    return List.of("session_state", "session_directory");
  }
}
