package dev.zoclone.pool.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A small chaos run in the build, against the packaged service: worker processes take shell jobs
 * while one worker is SIGKILLed and the pool service is SIGKILLed and restarted on the same
 * database; nothing may be lost, stuck, or completed twice.
 */
class PoolChaosIT {
  private static final int JOBS = 1_000;

  @Test
  void killingANodeAndRestartingTheServiceMidRunLosesNoJobAndCompletesEachOnce() throws Exception {
    PoolChaosRun run = new PoolChaosRun();
    PoolChaosRun.Report report;
    try {
      report = run.run(JOBS);
    } finally {
      run.tearDown();
    }

    assertThat(report.finished()).as(report.toString()).isTrue();
    assertThat(report.serviceStarts()).isEqualTo(2);
    assertThat(report.total()).isEqualTo(JOBS);
    assertThat(report.succeeded()).isEqualTo(JOBS);
    assertThat(report.stuck()).isZero();
    assertThat(report.completedOnce()).isEqualTo(JOBS);
    assertThat(report.completedTwice()).isZero();
    assertThat(report.withoutCompletion()).isZero();
  }
}
