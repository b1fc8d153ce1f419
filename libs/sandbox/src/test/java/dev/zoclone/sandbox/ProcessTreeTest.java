package dev.zoclone.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
  @Test
  void killsTheRootAndEveryProcessBelowIt() throws Exception {
    // a shell whose child shell starts two sleepers: three levels under the root
    Process root =
        new ProcessBuilder("sh", "-c", "sh -c 'sleep 300 & sleep 300 & wait' & wait").start();
    List<ProcessHandle> below = awaitDescendants(root, 3);

    int killed = ProcessTree.kill(root.toHandle());

    assertThat(root.waitFor(10, TimeUnit.SECONDS)).as("root ended").isTrue();
    for (ProcessHandle process : below) {
      process.onExit().get(10, TimeUnit.SECONDS);
      assertThat(process.isAlive()).as("process %d ended", process.pid()).isFalse();
    }
    assertThat(killed).isEqualTo(4);
  }

  private static List<ProcessHandle> awaitDescendants(Process root, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<ProcessHandle> below = root.descendants().toList();
    while (below.size() < count) {
      assertThat(System.nanoTime()).as("%d processes started", count).isLessThan(deadline);
      Thread.sleep(20);
      below = root.descendants().toList();
    }
    return below;
  }
}
