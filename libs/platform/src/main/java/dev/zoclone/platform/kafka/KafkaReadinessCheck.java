package dev.zoclone.platform.kafka;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Kafka broker answers and the platform topics exist. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "zo.kafka.enabled", stringValue = "true")
public class KafkaReadinessCheck implements HealthCheck {
  private final PlatformTopics topics;

  public KafkaReadinessCheck(PlatformTopics topics) {
    this.topics = topics;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      topics.ensureReady();
      return HealthCheckResponse.up("kafka");
    } catch (KafkaUnavailableException e) {
      return HealthCheckResponse.named("kafka").down().withData("error", e.getMessage()).build();
    }
  }
}
