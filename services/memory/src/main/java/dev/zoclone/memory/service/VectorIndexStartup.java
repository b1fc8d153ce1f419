package dev.zoclone.memory.service;

import dev.zoclone.memory.repository.VectorIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Makes sure the configured embedding model has its vector index before requests arrive. */
@ApplicationScoped
public class VectorIndexStartup {
  void onStart(@Observes StartupEvent event, Embeddings embeddings, VectorIndex index) {
    index.ensure(embeddings.modelName(), embeddings.dimensions());
  }
}
