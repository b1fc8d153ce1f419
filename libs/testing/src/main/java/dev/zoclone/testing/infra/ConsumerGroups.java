package dev.zoclone.testing.infra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits for a service's Kafka consumers to own their partitions. Tests give a consumer a fresh
 * group that starts at the topic's end (the local broker keeps other runs' records), so a record
 * sent before the group's assignment would be skipped.
 */
public final class ConsumerGroups {
  private ConsumerGroups() {}

  /**
   * Returns once the members of {@code group} are assigned partitions of every one of {@code
   * topics}.
   */
  public static void awaitAssigned(String group, Set<String> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalInfra.KAFKA_BOOTSTRAP))) {
      while (!assignedTopics(admin, group).containsAll(topics)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "consumer group " + group + " got no partitions of " + topics + " in " + timeout);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for consumer group " + group, e);
    }
  }

  private static Set<String> assignedTopics(Admin admin, String group) throws InterruptedException {
    try {
      return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
          .flatMap(m -> m.assignment().topicPartitions().stream())
          .map(TopicPartition::topic)
          .collect(Collectors.toSet());
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe consumer group " + group, e.getCause());
    }
  }
}
