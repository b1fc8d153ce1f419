package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.memory.repository.VectorIndex;
import dev.zoclone.memory.service.Embeddings;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chunk counts per owner and model that the owner index pass reads instead of counting every
 * chunk: kept by the triggers on {@code memory_chunk} through inserts, deletes, updates that move a
 * chunk to another model, and deletes cascaded from a memory.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class OwnerChunkCountsTest {
  @Inject AgroalDataSource dataSource;
  @Inject Embeddings embeddings;
  @Inject VectorIndex index;

  @Test
  void countsFollowEveryChangeOfTheOwnersChunks() throws SQLException {
    String owner = newUser();
    String model = embeddings.modelName();
    String first = memorize(owner, "The bins go out on Tuesday night");
    memorize(owner, "The spare key is under the blue flower pot");
    String third = memorize(owner, "Grandma's birthday is the ninth of March");
    assertThat(kept(owner, model)).isEqualTo(3).isEqualTo(counted(owner, model));

    as(owner).delete("/api/v1/memories/" + third).then().statusCode(204);
    assertThat(kept(owner, model)).isEqualTo(2).isEqualTo(counted(owner, model));

    update("UPDATE memory_chunk SET model = 'old-model' WHERE memory_id = ?", first);
    assertThat(kept(owner, model)).isEqualTo(1).isEqualTo(counted(owner, model));
    assertThat(kept(owner, "old-model")).isEqualTo(1).isEqualTo(counted(owner, "old-model"));
    // an update that moves no chunk to another model changes no count
    update("UPDATE memory_chunk SET seq = seq WHERE owner = ?", owner);
    assertThat(kept(owner, model)).isEqualTo(1);

    // the pass's list of heavy owners comes from these counts
    assertThat(index.ownersWithoutIndex("old-model", 384, 1)).contains(owner);
    assertThat(index.ownersWithoutIndex("old-model", 384, 2)).doesNotContain(owner);
  }

  @Test
  void aBodyWithContentOverOneChunkCountsEachChunk() throws SQLException {
    String owner = newUser();
    String model = embeddings.modelName();
    String longText = "The garden shed holds the lawnmower and the rake. ".repeat(200);
    as(owner).body(Map.of("content", longText)).post("/api/v1/memories").then().statusCode(201);
    long chunks = counted(owner, model);
    assertThat(chunks).isGreaterThan(1);
    assertThat(kept(owner, model)).isEqualTo(chunks);
  }

  private long kept(String owner, String model) throws SQLException {
    return count(
        "SELECT chunks FROM memory_owner_chunks WHERE owner = ? AND model = ?", owner, model);
  }

  private long counted(String owner, String model) throws SQLException {
    return count("SELECT count(*) FROM memory_chunk WHERE owner = ? AND model = ?", owner, model);
  }

  private long count(String sql, String owner, String model) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, owner);
      select.setString(2, model);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private void update(String sql, String parameter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      statement.executeUpdate();
    }
  }
}
