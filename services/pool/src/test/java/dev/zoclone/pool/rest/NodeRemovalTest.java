package dev.zoclone.pool.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.zoclone.pool.PoolCaller;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code DELETE /api/v1/nodes/{id}}: only the owner's OFFLINE nodes holding no job go. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class NodeRemovalTest {
  @Inject AgroalDataSource dataSource;

  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void anOfflineNodeIsRemovedAndNoLongerListed() throws Exception {
    String node = ada.node("old-laptop", Map.of(), 1);
    lastSeenAnHourAgo(node);
    ada.request()
        .get("/api/v1/nodes")
        .then()
        .statusCode(200)
        .body("nodes.find { it.id == '" + node + "' }.status", is("OFFLINE"));

    ada.request().delete("/api/v1/nodes/" + node).then().statusCode(204);

    ada.request().get("/api/v1/nodes").then().statusCode(200).body("nodes.size()", is(0));
    ada.request()
        .delete("/api/v1/nodes/" + node)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anOnlineNodeOrOneHoldingJobsIsKept() throws Exception {
    String node = ada.node("desk", Map.of(), 1);
    ada.request()
        .delete("/api/v1/nodes/" + node)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/node-online"))
        .body("detail", containsString("stop zo node"));

    ada.submit(PoolCaller.shellJob("sleep 60", 0));
    List<Map<String, Object>> leased = ada.lease(node, 1);
    lastSeenAnHourAgo(node);
    ada.request()
        .delete("/api/v1/nodes/" + node)
        .then()
        .statusCode(409)
        .body("type", is("https://zoclone.dev/problems/node-busy"));
    ada.request().get("/api/v1/nodes").then().body("nodes.size()", is(1));
    assertThat(leased).hasSize(1);
  }

  @Test
  void anotherUsersNodeIsNotFound() throws Exception {
    String node = ada.node("mine", Map.of(), 1);
    lastSeenAnHourAgo(node);
    PoolCaller.fresh().request().delete("/api/v1/nodes/" + node).then().statusCode(404);
    ada.request().get("/api/v1/nodes").then().body("nodes.size()", is(1));
  }

  private void lastSeenAnHourAgo(String node) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE node SET last_seen_at = now() - interval '1 hour' WHERE id = ?")) {
      statement.setString(1, node);
      statement.executeUpdate();
    }
  }
}
