package dev.zoclone.testing.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives a Quarkus test its own database on the real local PostgreSQL. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
  private String jdbcUrl;

  @Override
  public Map<String, String> start() {
    jdbcUrl = LocalInfra.createDatabase();
    return Map.of(
        "quarkus.datasource.jdbc.url", jdbcUrl,
        "quarkus.datasource.username", LocalInfra.DB_USER,
        "quarkus.datasource.password", LocalInfra.DB_PASSWORD);
  }

  @Override
  public void stop() {
    if (jdbcUrl != null) {
      LocalInfra.dropDatabase(jdbcUrl);
    }
  }
}
