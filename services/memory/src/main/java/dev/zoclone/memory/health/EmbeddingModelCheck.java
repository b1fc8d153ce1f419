package dev.zoclone.memory.health;

import dev.zoclone.memory.service.Embeddings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the embedding model answers; names the model that new vectors record. */
@Readiness
@ApplicationScoped
public class EmbeddingModelCheck implements HealthCheck {
  private final Embeddings embeddings;

  public EmbeddingModelCheck(Embeddings embeddings) {
    this.embeddings = embeddings;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      embeddings.embed("ready");
      return HealthCheckResponse.named("embedding-model")
          .up()
          .withData("model", embeddings.modelName())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("embedding-model")
          .down()
          .withData("model", embeddings.modelName())
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
