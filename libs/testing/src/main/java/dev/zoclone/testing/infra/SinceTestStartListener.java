package dev.zoclone.testing.infra;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts a test's fresh consumer group at the first record written since the test JVM started, so a
 * reused local broker's history is never replayed and a record sent right after start-up is never
 * skipped. A service's test profile names it on a channel with {@code
 * consumer-rebalance-listener.name=since-test-start}.
 *
 * <p>Only partitions the group has committed no offset for are moved: a fresh group's first
 * assignment, or a reassignment before the first commit (which redelivers from the start, for
 * consumers that are idempotent on the event id). A committed offset is kept.
 */
@ApplicationScoped
@Identifier(SinceTestStartListener.NAME)
public class SinceTestStartListener implements KafkaConsumerRebalanceListener {
  /** The name a channel's {@code consumer-rebalance-listener.name} refers to. */
  public static final String NAME = "since-test-start";

  private final long startMillis;

  /** Positions relative to when this JVM started. */
  public SinceTestStartListener() {
    this(ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  /** Positions relative to {@code startMillis}, epoch milliseconds. */
  public SinceTestStartListener(long startMillis) {
    this.startMillis = startMillis;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new HashSet<>(partitions));
    List<TopicPartition> uncommitted =
        partitions.stream().filter(p -> committed.get(p) == null).toList();
    if (uncommitted.isEmpty()) {
      return;
    }
    // The ends are read before the search: where no record since the start exists, every record
    // below the end read earlier is older, and a record written in between lies at or after it.
    Map<TopicPartition, Long> ends = consumer.endOffsets(uncommitted);
    Map<TopicPartition, OffsetAndTimestamp> sinceStart =
        consumer.offsetsForTimes(
            uncommitted.stream().collect(Collectors.toMap(Function.identity(), p -> startMillis)));
    for (TopicPartition partition : uncommitted) {
      OffsetAndTimestamp first = sinceStart.get(partition);
      consumer.seek(partition, first != null ? first.offset() : ends.get(partition));
    }
  }
}
