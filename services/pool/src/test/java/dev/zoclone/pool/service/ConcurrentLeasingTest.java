package dev.zoclone.pool.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.pool.LeasedJob;
import dev.zoclone.contract.pool.RegisterNodeRequest;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ConcurrentLeasingTest {
  private static final int JOBS = 4000;
  private static final int LEASERS = 16;

  @Inject AgroalDataSource dataSource;
  @Inject Leaser leaser;
  @Inject NodeService nodes;

  @Test
  void manyConcurrentLeasersNeverGetTheSameJobAndTogetherDrainTheQueue() throws Exception {
    String owner = "user-" + UUID.randomUUID();
    insertJobs(owner, JOBS);
    List<String> nodeIds = new ArrayList<>();
    for (int i = 0; i < LEASERS; i++) {
      nodeIds.add(nodes.register(owner, new RegisterNodeRequest("n" + i, Map.of(), 1024)).nodeId());
    }
    ConcurrentLinkedQueue<String> leased = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(LEASERS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (String node : nodeIds) {
        Callable<Integer> leaseUntilEmpty =
            () -> {
              start.await();
              int batches = 0;
              List<LeasedJob> batch;
              // each lease is its own transaction on its own pooled connection
              while (!(batch =
                      leaser.leaseNow(owner, node, 10, null, CompletionBatch.NONE).leased())
                  .isEmpty()) {
                batch.forEach(job -> leased.add(job.id()));
                batches++;
              }
              return batches;
            };
        done.add(threads.submit(leaseUntilEmpty));
      }
      start.countDown();
      int batches = 0;
      for (Future<Integer> future : done) {
        batches += future.get(120, TimeUnit.SECONDS);
      }
      assertThat(batches).isGreaterThanOrEqualTo(JOBS / 10);
    } finally {
      threads.shutdownNow();
    }

    Set<String> distinct = new HashSet<>(leased);
    assertThat(leased).hasSize(JOBS);
    assertThat(distinct).hasSize(JOBS);
    assertThat(countLeasedOnce(owner)).isEqualTo(JOBS);
  }

  @Test
  void concurrentLeasesOfOneNodeNeverFillMoreThanItsSlots() throws Exception {
    String owner = "user-" + UUID.randomUUID();
    int rounds = 20;
    int slots = 3;
    insertJobs(owner, rounds * LEASERS * slots);
    ExecutorService threads = Executors.newFixedThreadPool(LEASERS);
    try {
      for (int round = 0; round < rounds; round++) {
        String node =
            nodes.register(owner, new RegisterNodeRequest("r" + round, Map.of(), slots)).nodeId();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> leases = new ArrayList<>();
        for (int i = 0; i < LEASERS; i++) {
          leases.add(
              threads.submit(
                  () -> {
                    start.await();
                    // each asks for all the slots; the node's row lock orders them, and each
                    // counts the jobs the ones before it leased
                    return leaser
                        .leaseNow(owner, node, slots, null, CompletionBatch.NONE)
                        .leased()
                        .size();
                  }));
        }
        start.countDown();
        int leased = 0;
        for (Future<Integer> lease : leases) {
          leased += lease.get(60, TimeUnit.SECONDS);
        }
        assertThat(leased).as("jobs leased to node %s in round %d", node, round).isEqualTo(slots);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private void insertJobs(String owner, int count) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "WITH inserted AS (INSERT INTO job (id, owner, kind, payload, priority,"
                    + " max_attempts, status) SELECT gen_random_uuid()::text, ?, 'shell',"
                    + " '{\"command\":\"true\"}', g % 5, 3, 'PENDING' FROM generate_series(1, ?) g"
                    + " RETURNING id, owner, priority, seq, kind, requirements, run_at)"
                    + " INSERT INTO ready_job SELECT * FROM inserted")) {
      insert.setString(1, owner);
      insert.setInt(2, count);
      insert.executeUpdate();
    }
  }

  private int countLeasedOnce(String owner) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM job WHERE owner = ? AND status = 'LEASED' AND attempts = 1"); ) {
      query.setString(1, owner);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
