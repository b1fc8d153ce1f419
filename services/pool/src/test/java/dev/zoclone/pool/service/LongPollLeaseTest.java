package dev.zoclone.pool.service;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The re-poll fallback is 30 s in tests, so only the NOTIFY wake-up can answer these in time. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class LongPollLeaseTest {
  @Inject AgroalDataSource dataSource;

  private final PoolCaller ada = PoolCaller.fresh();

  @Test
  void anIdleNodesLongPollReceivesAJobSubmittedWhileItWaits() throws Exception {
    String node = ada.node("idle", Map.of(), 1);
    CompletableFuture<List<Map<String, Object>>> poll =
        CompletableFuture.supplyAsync(() -> ada.lease(node, 1, 20_000));
    Thread.sleep(300);

    String id = ada.submit(PoolCaller.shellJob("echo", 0));

    List<Map<String, Object>> jobs = poll.get(10, TimeUnit.SECONDS);
    assertThat(jobs).extracting(j -> j.get("id")).containsExactly(id);
  }

  @Test
  void aJobMadeReadyThroughAnotherConnectionWakesTheLongPoll() throws Exception {
    String node = ada.node("idle", Map.of(), 1);
    CompletableFuture<List<Map<String, Object>>> poll =
        CompletableFuture.supplyAsync(() -> ada.lease(node, 1, 20_000));
    Thread.sleep(300);

    // What another pool replica does: insert and NOTIFY in its own transaction.
    try (Connection other = dataSource.getConnection();
        PreparedStatement insert =
            other.prepareStatement(
                "WITH inserted AS (INSERT INTO job (id, owner, kind, payload, max_attempts,"
                    + " status) VALUES ('from-replica-' || gen_random_uuid(), ?, 'shell',"
                    + " '{\"command\":\"true\"}', 3, 'PENDING')"
                    + " RETURNING id, owner, priority, seq, kind, requirements, run_at)"
                    + " INSERT INTO ready_job SELECT * FROM inserted");
        PreparedStatement notify = other.prepareStatement("SELECT pg_notify(?, ?)")) {
      insert.setString(1, ada.user());
      insert.executeUpdate();
      notify.setString(1, "zo_pool_job_ready");
      notify.setString(2, ada.user());
      notify.execute();
    }

    List<Map<String, Object>> jobs = poll.get(10, TimeUnit.SECONDS);
    assertThat(jobs).hasSize(1);
    assertThat((String) jobs.get(0).get("id")).startsWith("from-replica-");
  }

  @Test
  void aLongPollWithNothingToDoAnswersNoJobsWhenItsWaitEnds() {
    String node = ada.node("idle", Map.of(), 1);

    assertThat(ada.lease(node, 1, 300)).isEmpty();
  }

  @Test
  void aJobForAnotherOwnerDoesNotWakeTheLongPoll() throws Exception {
    String node = ada.node("idle", Map.of(), 1);
    CompletableFuture<List<Map<String, Object>>> poll =
        CompletableFuture.supplyAsync(() -> ada.lease(node, 1, 1500));
    Thread.sleep(200);

    PoolCaller.fresh().submit(PoolCaller.shellJob("not yours", 0));

    assertThat(poll.get(10, TimeUnit.SECONDS)).isEmpty();
  }
}
