package dev.zoclone.platform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWriterTest {
  private final List<List<Integer>> written = new CopyOnWriteArrayList<>();
  private final List<List<Integer>> failed = new CopyOnWriteArrayList<>();
  private BatchWriter<Integer> writer;

  @AfterEach
  void stop() throws InterruptedException {
    if (writer != null) {
      writer.stop();
    }
  }

  @Test
  void itemsThatArriveWhileABatchIsWrittenGoTogetherInTheNextOne() throws Exception {
    CountDownLatch firstInSink = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    writer =
        new BatchWriter<>(
            "test-writer",
            50,
            batch -> {
              written.add(List.copyOf(batch));
              firstInSink.countDown();
              awaitRelease(release);
            },
            (batch, e) -> failed.add(batch));
    writer.start();
    writer.add(0);
    assertThat(firstInSink.await(10, TimeUnit.SECONDS)).isTrue();
    IntStream.rangeClosed(1, 120).forEach(writer::add);
    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> flat(written).size() == 121);
    assertThat(flat(written))
        .containsExactlyElementsOf(IntStream.rangeClosed(0, 120).boxed().toList());
    assertThat(written.get(0)).containsExactly(0);
    assertThat(written.subList(1, written.size()))
        .allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(50));
    assertThat(written.get(1)).hasSize(50);
    assertThat(failed).isEmpty();
  }

  @Test
  void flushWritesEverythingQueuedBeforeItReturns() {
    writer =
        new BatchWriter<>(
            "test-writer", 7, batch -> written.add(List.copyOf(batch)), (b, e) -> failed.add(b));
    // Not started: only flush() can write.
    IntStream.range(0, 20).forEach(writer::add);
    writer.flush();
    assertThat(flat(written)).hasSize(20);
    assertThat(written).extracting(List::size).containsExactly(7, 7, 6);
  }

  @Test
  void aFailedBatchGoesToTheHandlerWhichMayRequeueItForALaterTry() {
    AtomicBoolean down = new AtomicBoolean(true);
    writer =
        new BatchWriter<>(
            "test-writer",
            10,
            batch -> {
              if (down.get()) {
                throw new IllegalStateException("database down");
              }
              written.add(List.copyOf(batch));
            },
            (batch, e) -> {
              failed.add(batch);
              writer.requeue(batch);
            });
    writer.start();
    writer.add(1);
    writer.add(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> !failed.isEmpty());
    down.set(false);

    await().atMost(Duration.ofSeconds(10)).until(() -> flat(written).size() == 2);
    assertThat(flat(written)).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void flushThrowsTheSinksFailureAfterHandingTheBatchOver() {
    writer =
        new BatchWriter<>(
            "test-writer",
            10,
            batch -> {
              throw new IllegalStateException("database down");
            },
            (batch, e) -> failed.add(batch));
    writer.add(5);
    assertThatThrownBy(writer::flush).hasMessage("database down");
    assertThat(failed).containsExactly(List.of(5));
  }

  @Test
  void stopHandsWhatIsStillWaitingToTheFailureHandler() throws Exception {
    writer =
        new BatchWriter<>(
            "test-writer",
            1,
            batch -> written.add(List.copyOf(batch)),
            (batch, e) -> {
              assertThat(e).hasMessageContaining("stopping");
              failed.add(batch);
            });
    // Not started: nothing drains the queue, so stop() must hand all of it over.
    writer.add(1);
    writer.add(2);
    writer.stop();
    assertThat(flat(failed)).containsExactly(1, 2);
    assertThat(written).isEmpty();
    writer = null;
  }

  private static List<Integer> flat(List<List<Integer>> batches) {
    List<Integer> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return Collections.unmodifiableList(all);
  }

  private static void awaitRelease(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
