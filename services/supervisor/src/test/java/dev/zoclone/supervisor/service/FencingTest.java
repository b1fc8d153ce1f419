package dev.zoclone.supervisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zoclone.supervisor.ProcessStatus;
import dev.zoclone.supervisor.SupervisorCaller;
import dev.zoclone.supervisor.repository.LeaseRepository;
import dev.zoclone.supervisor.repository.ProcessReport;
import dev.zoclone.supervisor.repository.ProcessRepository;
import dev.zoclone.testing.infra.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FencingTest {
  private final SupervisorCaller ada = SupervisorCaller.fresh();
  @Inject ProcessRepository processes;
  @Inject LeaseRepository leases;
  @Inject AgroalDataSource dataSource;

  @AfterEach
  void cleanUp() {
    ada.deleteAll();
  }

  @Test
  void aReplicaWhoseLeaseWasTakenStopsItsCopyAndItsReportsAreRefused() throws Exception {
    ada.created(SupervisorCaller.bash("fenced", "sleep 600", "start_seconds", 0));
    long pid = ada.awaitStatus("fenced", "RUNNING").getLong("pid");
    String id = processes.find(ada.user(), "fenced").orElseThrow().definition().id();
    long ourToken = processes.findById(id).orElseThrow().fencingToken();

    // As if this replica had stalled past its lease and another one took the process over (this
    // replica's renewals, every 300 ms, may win the race with the expiry a few times).
    OptionalLong[] theirs = {OptionalLong.empty()};
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              expireLease(id);
              theirs[0] = leases.claim(id, "other-replica", "10.0.0.9", Duration.ofMinutes(5));
              return theirs[0].isPresent();
            });

    assertThat(theirs[0].getAsLong()).isGreaterThan(ourToken);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
    ProcessReport stale = new ProcessReport(ProcessStatus.STOPPED, null, null, null, 0, null, null);
    assertThat(leases.report(id, "other-replica", ourToken, stale)).isFalse();
    assertThat(processes.findById(id).orElseThrow().replicaHost()).isEqualTo("10.0.0.9");
    assertThat(ada.get("fenced").getString("status")).isEqualTo("RUNNING");
  }

  private void expireLease(String id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE process SET lease_expires_at = now() - interval '1 second' WHERE id = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }
}
