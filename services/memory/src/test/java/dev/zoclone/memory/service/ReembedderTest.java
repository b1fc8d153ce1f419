package dev.zoclone.memory.service;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ReembedderTest {
  @Inject AgroalDataSource dataSource;
  @Inject Embeddings embeddings;

  @Test
  void vectorsOfAnotherModelAreReembeddedInTheBackgroundAndRecallableAgain() throws SQLException {
    String user = newUser();
    String id = memorize(user, "The boiler is serviced every October");
    // As if the other MiniLM (fp32 before the quantized one became the default) had made this
    // vector: its name, meaningless values.
    String previous =
        embeddings.modelName().equals(Embeddings.MINILM)
            ? Embeddings.MINILM_QUANTIZED
            : Embeddings.MINILM;
    execute(
        "UPDATE memory_chunk SET model = '"
            + previous
            + "', embedding = array_fill(0.01::real, ARRAY[384])::vector WHERE memory_id = ?",
        id);

    await().atMost(Duration.ofSeconds(30)).until(() -> model(id).equals(embeddings.modelName()));

    List<String> found =
        as(user)
            .body(Map.of("query", "when is the heating maintained"))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results.id");
    assertThat(found).containsExactly(id);
  }

  private String model(String memoryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT model FROM memory_chunk WHERE memory_id = ?")) {
      select.setString(1, memoryId);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void execute(String sql, String param) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, param);
      statement.executeUpdate();
    }
  }
}
