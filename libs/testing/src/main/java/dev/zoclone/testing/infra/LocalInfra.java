package dev.zoclone.testing.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real local PostgreSQL and Kafka that tests run against, started through the project's own
 * idempotent {@code bin/zo infra up}; each caller gets its own database.
 */
public final class LocalInfra {
  /** The server's address, without a database. */
  public static final String POSTGRES_BASE =
      env("ZO_TEST_PG_BASE", "jdbc:postgresql://127.0.0.1:5432/");

  /** The role tests connect as. */
  public static final String DB_USER = env("ZO_DB_USER", "zoclone");

  /** That role's password. */
  public static final String DB_PASSWORD = env("ZO_DB_PASSWORD", "zoclone");

  /** The Kafka broker. */
  public static final String KAFKA_BOOTSTRAP = env("ZO_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

  private static boolean started;

  private LocalInfra() {}

  /** Runs {@code bin/zo infra up} once per JVM; it returns at once when all is running. */
  public static synchronized void ensureUp() {
    if (started) {
      return;
    }
    Path zo = repoRoot().resolve("bin/zo");
    try {
      Path log = Files.createTempFile("zo-infra-up", ".log");
      Process process =
          new ProcessBuilder(zo.toString(), "infra", "up")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("bin/zo infra up did not finish in 15 minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "bin/zo infra up failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      started = true;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + zo, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the infrastructure", e);
    }
  }

  /** Creates a fresh, empty database (pgvector available) and returns its JDBC URL. */
  public static String createDatabase() {
    ensureUp();
    String name = "zo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
    return POSTGRES_BASE + name;
  }

  /** Drops a database made by {@link #createDatabase()}, disconnecting its sessions. */
  public static void dropDatabase(String jdbcUrl) {
    String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (!name.matches("zo_test_[0-9a-f]{12}")) {
      throw new IllegalArgumentException("not a test database: " + jdbcUrl);
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The folder holding {@code bin/zo}, found upward from the working directory. */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isExecutable(dir.resolve("bin/zo"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("bin/zo not found above " + Path.of("").toAbsolutePath());
  }

  private static void execute(String sql) {
    try (Connection connection =
            DriverManager.getConnection(POSTGRES_BASE + "zoclone", DB_USER, DB_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run `" + sql + "`: " + e.getMessage(), e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
