package dev.zoclone.scheduler.messaging;

import dev.zoclone.platform.config.PlatformConfig;
import dev.zoclone.platform.kafka.KafkaSettings;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.scheduler.config.SchedulerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics {@code kafka} actions publish to: each user's own, under their configured prefix
 * ({@code zo.scheduler.kafka-action.topic-prefix}), created here when an automation names one, as
 * the broker does not create topics by itself. Platform ({@code zo.*}) and internal ({@code __*})
 * topics are never a user's.
 */
@ApplicationScoped
public class UserTopics {
  private static final String LEGAL = "[a-zA-Z0-9._-]+";

  private final SchedulerConfig config;
  private final PlatformConfig platform;
  private final KafkaSettings kafka;
  private Admin admin;

  public UserTopics(SchedulerConfig config, PlatformConfig platform, KafkaSettings kafka) {
    this.config = config;
    this.platform = platform;
    this.kafka = kafka;
  }

  /** The prefix {@code owner}'s topics must start with. */
  public String prefix(String owner) {
    return config.kafkaAction().topicPrefix().replace("{user}", owner);
  }

  /** Throws a 400 naming {@code action.topic} unless {@code topic} is one {@code owner} may use. */
  public void check(String owner, String topic) {
    String prefix = prefix(owner);
    if (topic.startsWith("zo.") || topic.startsWith("__")) {
      throw ProblemException.badRequest(
          "action.topic", "platform (zo.*) and internal (__*) topics are not allowed");
    }
    if (!topic.startsWith(prefix) || topic.length() == prefix.length()) {
      throw ProblemException.badRequest(
          "action.topic", "must start with your prefix " + prefix + ", e.g. " + prefix + "events");
    }
    if (!topic.matches(LEGAL) || topic.length() > 249) {
      throw ProblemException.badRequest(
          "action.topic",
          "at most 249 of the characters a-z A-Z 0-9 . _ - (your user id has others)");
    }
  }

  /** Creates {@code topic} unless it exists; a 503 problem when the broker does not answer. */
  public synchronized void ensure(String topic) {
    long timeoutMs = platform.kafka().timeout().toMillis();
    try {
      admin()
          .createTopics(List.of(new NewTopic(topic, 1, platform.kafka().replicationFactor())))
          .all()
          .get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw unavailable(e.getCause());
      }
    } catch (TimeoutException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
  }

  private static ProblemException unavailable(Throwable cause) {
    return new ProblemException(
        503, "kafka-unavailable", "Kafka unavailable", "the topic cannot be created: " + cause);
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }

  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(kafka.adminProperties());
    }
    return admin;
  }
}
