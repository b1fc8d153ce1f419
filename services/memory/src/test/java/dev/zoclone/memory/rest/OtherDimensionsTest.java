package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.memory.repository.RecallQuery;
import dev.zoclone.memory.repository.RecallRepository;
import dev.zoclone.memory.service.Embeddings;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 768-dimension model (nomic-embed-text through an OpenAI-compatible server, here a fake one over
 * real HTTP) stores and recalls its vectors next to the 384-dimension default.
 */
@QuarkusTest
@TestProfile(OtherDimensionsTest.Nomic.class)
class OtherDimensionsTest {
  private static final String MODEL = "openai:nomic-embed-text";

  @Inject AgroalDataSource dataSource;
  @Inject Embeddings embeddings;
  @Inject RecallRepository recallRepository;

  @Test
  void a768DimensionModelStoresAndRecallsItsVectors() throws SQLException {
    String user = newUser();
    memorize(user, "The bakery on the corner opens at seven");
    String wanted = memorize(user, "The boiler is serviced every October");

    List<String> found =
        as(user)
            .body(Map.of("query", "The boiler is serviced every October", "top_k", 1))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results.id");

    assertThat(embeddings.modelName()).isEqualTo(MODEL);
    assertThat(found).containsExactly(wanted);
    assertThat(dimensionsAndModel(wanted)).isEqualTo("768 " + MODEL);
    RecallQuery query =
        new RecallQuery(
            user, MODEL, embeddings.embed("boiler"), "boiler", Map.of(), null, 5, 20, 2.0);
    String plan =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  try (Connection connection = dataSource.getConnection();
                      Statement statement = connection.createStatement()) {
                    // Even with sorting discouraged no vector index may serve this owner: an
                    // owner's vectors of any dimension are searched exactly until they have many.
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL enable_sort = off");
                  }
                  return recallRepository.explain(query);
                });
    assertThat(plan)
        .contains("memory_chunk_owner_model")
        .doesNotContain("hnsw")
        .doesNotContain("Seq Scan on memory_chunk");
  }

  private String dimensionsAndModel(String memoryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT vector_dims(embedding) || ' ' || model FROM memory_chunk"
                    + " WHERE memory_id = ?")) {
      select.setString(1, memoryId);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** nomic-embed-text's 768 dimensions from a fake OpenAI-compatible server. */
  public static class Nomic implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(PostgresAndKafkaResource.class),
          new TestResourceEntry(FakeEmbeddingServer.class));
    }
  }

  /** Runs the fake server for the test's lifetime and points the service at it. */
  public static class FakeEmbeddingServer implements QuarkusTestResourceLifecycleManager {
    private FakeOpenAiServer server;

    @Override
    public Map<String, String> start() {
      server = new FakeOpenAiServer();
      return Map.of(
          "zo.memory.embedding.provider", "openai",
          "zo.memory.embedding.base-url", server.baseUrl() + "/v1",
          "zo.memory.embedding.model-name", "nomic-embed-text",
          "zo.memory.embedding.dimensions", "768");
    }

    @Override
    public void stop() {
      server.close();
    }
  }
}
