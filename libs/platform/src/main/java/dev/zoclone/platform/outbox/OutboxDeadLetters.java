package dev.zoclone.platform.outbox;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /internal/v1/outbox/dead-letters}: this service's dead-lettered outbox rows, for an
 * operator (the internal secret is required, as on every route; the gateway does not route it).
 */
@Path("/internal/v1/outbox/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "zo.kafka.enabled", stringValue = "true")
@Tag(name = "Outbox", description = "Events this service could not publish")
public class OutboxDeadLetters {
  private static final int MAX_LISTED = 100;

  private final AgroalDataSource dataSource;
  private final String service;

  public OutboxDeadLetters(
      AgroalDataSource dataSource,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.dataSource = dataSource;
    this.service = service;
  }

  /** One dead-lettered row. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DeadLetter(
      String id, String topic, int attempts, String lastError, String createdAt) {}

  /** How many rows are dead and the oldest of them. */
  public record DeadLetters(String service, long dead, List<DeadLetter> rows) {}

  @GET
  @Operation(summary = "Count and list (oldest 100) the outbox rows that were dead-lettered")
  public DeadLetters list() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      long dead;
      try (PreparedStatement count =
              connection.prepareStatement(
                  "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
                      + " AND next_attempt_at = 'infinity'::timestamptz");
          ResultSet rs = count.executeQuery()) {
        rs.next();
        dead = rs.getLong(1);
      }
      List<DeadLetter> rows = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id, topic, attempts, last_error, created_at FROM outbox"
                  + " WHERE sent_at IS NULL AND next_attempt_at = 'infinity'::timestamptz"
                  + " ORDER BY created_at, id LIMIT ?")) {
        select.setInt(1, MAX_LISTED);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new DeadLetter(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant().toString()));
          }
        }
      }
      return new DeadLetters(service, dead, rows);
    }
  }
}
