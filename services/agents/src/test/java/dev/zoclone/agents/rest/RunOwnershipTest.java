package dev.zoclone.agents.rest;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.runs.RunOwnership;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs belong to a replica: the periodic heartbeat fails the unfinished runs of replicas whose
 * heartbeat expired (and of runs that name no replica), never those of a live replica or its own.
 * Other replicas are rows in the real database, as a second agents process writes them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class RunOwnershipTest {
  static final FakeOpenAiServer SLOW =
      new FakeOpenAiServer().setDefault(Reply.text("finished").delay(Duration.ofMillis(1500)));

  @Inject AgroalDataSource dataSource;
  @Inject RunOwnership ownership;

  String user;

  @AfterAll
  static void stop() {
    SLOW.close();
  }

  @BeforeEach
  void key() {
    user = newUser();
    openAiKey(user, "slow", SLOW.baseUrl() + "/v1", "sk-slow-0123456789", "m");
  }

  @Test
  void onlyTheRunsOfDeadReplicasAreFailed() throws Exception {
    String live = "live-" + UUID.randomUUID();
    String dead = "dead-" + UUID.randomUUID();
    String gone = "gone-" + UUID.randomUUID();
    // A live replica beats far into the future; a dead one last beat an hour ago.
    replica(live, "now() + interval '1 hour'");
    replica(dead, "now() - interval '1 hour'");
    String liveRun = run(live);
    String deadRun = run(dead);
    String goneRun = run(gone); // a replica whose row was already forgotten
    String legacyRun = run(null); // stored before runs had replicas

    // The periodic heartbeat (every second in tests) finds them; no call from the test.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                as(user)
                    .get("/api/v1/agents/" + deadRun)
                    .then()
                    .body("status", is("FAILED"))
                    .body("error", is(RunOwnership.DEAD_REPLICA_REASON)));
    for (String orphan : new String[] {goneRun, legacyRun}) {
      as(user)
          .get("/api/v1/agents/" + orphan)
          .then()
          .body("status", is("FAILED"))
          .body("error", is(RunOwnership.DEAD_REPLICA_REASON));
    }
    ownership.heartbeat();
    as(user).get("/api/v1/agents/" + liveRun).then().body("status", is("RUNNING"));
    assertThat(replicaExists(dead)).isFalse();
    assertThat(replicaExists(live)).isTrue();

    // When the live replica stops beating, its runs go too.
    try (Connection c = dataSource.getConnection();
        PreparedStatement expire =
            c.prepareStatement(
                "UPDATE agents.agent_replica SET heartbeat_at = now() - interval '1 hour'"
                    + " WHERE id = ?")) {
      expire.setString(1, live);
      expire.executeUpdate();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> as(user).get("/api/v1/agents/" + liveRun).then().body("status", is("FAILED")));
  }

  @Test
  void thisReplicasOwnRunsOutliveItsHeartbeatsAndFinish() throws Exception {
    String id =
        as(user)
            .body("{\"prompt\":\"take your time\",\"model_name\":\"slow:m\"}")
            .post("/api/v1/agents")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(replicaOf(id)).isEqualTo(ownership.replicaId());
    assertThat(replicaExists(ownership.replicaId())).isTrue();

    // A sweep while it runs (as any replica's heartbeat makes) leaves it running.
    await()
        .pollInterval(Duration.ofMillis(20))
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> as(user).get("/api/v1/agents/" + id).then().body("status", is("RUNNING")));
    ownership.heartbeat();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                as(user)
                    .get("/api/v1/agents/" + id)
                    .then()
                    .body("status", is("SUCCEEDED"))
                    .body("output", is("finished")));
  }

  private void replica(String id, String heartbeat) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO agents.agent_replica (id, heartbeat_at) VALUES (?, "
                    + heartbeat
                    + ")")) {
      insert.setString(1, id);
      insert.executeUpdate();
    }
  }

  private String run(String replica) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO agents.agent_run (id, owner, prompt, status, started_at, replica_id)"
                    + " VALUES (?, ?, 'p', 'RUNNING', now(), ?)")) {
      insert.setString(1, id);
      insert.setString(2, user);
      insert.setString(3, replica);
      insert.executeUpdate();
    }
    return id;
  }

  private String replicaOf(String run) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT replica_id FROM agents.agent_run WHERE id = ?")) {
      select.setString(1, run);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private boolean replicaExists(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT 1 FROM agents.agent_replica WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
