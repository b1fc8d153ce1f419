package dev.zoclone.platform.kafka;

import dev.zoclone.contract.Topics;
import dev.zoclone.platform.config.PlatformConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the platform's topics at start-up, and reports whether the broker answers. */
@ApplicationScoped
@IfBuildProperty(name = "zo.kafka.enabled", stringValue = "true")
public class PlatformTopics {
  private final KafkaSettings settings;
  private final PlatformConfig config;
  private volatile boolean created;
  private Admin admin;

  public PlatformTopics(KafkaSettings settings, PlatformConfig config) {
    this.settings = settings;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    try {
      ensureReady();
    } catch (KafkaUnavailableException e) {
      Log.warnf("Kafka not reachable at start-up; topics will be created when it is: %s", e);
    }
  }

  /** Checks that the broker answers and that every platform topic exists. */
  public synchronized void ensureReady() {
    long timeoutMs = config.kafka().timeout().toMillis();
    try {
      admin().describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
      if (!created) {
        createTopics(timeoutMs);
        created = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException(
          "broker at " + settings.bootstrapServers() + " did not answer: " + e, e);
    }
  }

  private void createTopics(long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<NewTopic> topics =
        Topics.ALL.stream()
            .map(
                name ->
                    new NewTopic(
                        name, config.kafka().partitions(), config.kafka().replicationFactor()))
            .toList();
    for (var result : admin().createTopics(topics).values().entrySet()) {
      try {
        result.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(settings.adminProperties());
    }
    return admin;
  }

  synchronized void close(@Observes ShutdownEvent event) {
    if (admin != null) {
      admin.close();
    }
  }
}
