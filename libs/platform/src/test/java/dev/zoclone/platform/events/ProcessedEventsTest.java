package dev.zoclone.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ProcessedEventsTest {
  @Inject ProcessedEvents processed;

  @Test
  void aBatchAnswersOnlyTheIdsNotHandledBeforeEachOnce() {
    String consumer = "batch-" + UUID.randomUUID();
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String c = UUID.randomUUID().toString();

    assertThat(inTransaction(() -> processed.firstDeliveries(consumer, List.of(a, b, a))))
        .containsExactlyInAnyOrder(a, b);
    assertThat(inTransaction(() -> processed.firstDeliveries(consumer, List.of(b, c))))
        .containsExactly(c);
    assertThat(inTransaction(() -> processed.firstDelivery(consumer, c))).isFalse();
    assertThat(inTransaction(() -> processed.firstDeliveries("other-" + consumer, List.of(a, c))))
        .containsExactlyInAnyOrder(a, c);
  }

  @Test
  void aBatchRecordedInARolledBackTransactionIsNotRecorded() {
    String consumer = "batch-" + UUID.randomUUID();
    String a = UUID.randomUUID().toString();

    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          processed.firstDeliveries(consumer, List.of(a));
                          throw new Abandoned();
                        }))
        .isInstanceOf(Abandoned.class);

    assertThat(inTransaction(() -> processed.firstDeliveries(consumer, List.of(a))))
        .containsExactly(a);
  }

  private static <T> T inTransaction(Callable<T> work) {
    return QuarkusTransaction.requiringNew().call(work);
  }

  /** Fails the work after the batch was recorded, so its transaction rolls back. */
  private static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("abandoned on purpose");
    }
  }
}
