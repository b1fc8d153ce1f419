package dev.zoclone.memory.service;

import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.contract.memory.AppendMessages;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.StartConversation;
import dev.zoclone.memory.config.MemoryConfig;
import dev.zoclone.memory.metrics.MemoryMeters;
import dev.zoclone.memory.repository.ConversationRepository;
import dev.zoclone.memory.repository.MemoryRepository;
import dev.zoclone.memory.repository.RecallRepository;
import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.platform.quota.OwnerQuotas;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An ask as agents makes it: memory recalls for the user's message (embedding it), then the turns
 * are appended and ingested. The user's text goes through the model once, its vector kept from the
 * recall; the assistant's answer once. Counted by the embedding meter of a model built for this
 * test (the service's own meter also counts every other test's texts), on the real database.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class TurnEmbeddedOnceTest {
  // As agents sends it: the input as typed, trailing newline included, both times.
  private static final String ASKED = "Which database did we choose for the billing service?\n";
  private static final String ANSWERED = "You chose PostgreSQL, with nightly backups to S3.";

  @Inject MemoryConfig config;
  @Inject RecallRepository recallRepository;
  @Inject MemoryRepository memoryRepository;
  @Inject ConversationRepository conversationRepository;
  @Inject ConversationService conversations;
  @Inject ContentRules rules;
  @Inject Chunker chunker;
  @Inject OwnerQuotas quotas;
  @Inject ProcessedEvents processed;
  @Inject Outbox outbox;

  @ConfigProperty(name = "zo.quota.memories")
  long maxMemories;

  @Test
  void theUsersMessageIsEmbeddedOnceForRecallAndStorage() {
    assertThat(textsThroughTheModel(config.embedding().cacheSize())).isEqualTo(2);
  }

  @Test
  void withoutKeptVectorsTheMessageIsEmbeddedTwice() {
    assertThat(textsThroughTheModel(0)).isEqualTo(3);
  }

  /** Runs one ask's memory work with a model of its own; answers how many texts it embedded. */
  private double textsThroughTheModel(int cacheSize) {
    MeterRegistry registry = new SimpleMeterRegistry();
    MemoryMeters meters = new MemoryMeters(registry);
    Embeddings embeddings =
        new Embeddings(EmbeddingSettings.of(config.embedding(), cacheSize), meters);
    RecallService recall = new RecallService(recallRepository, embeddings, rules, config, meters);
    ConversationService asking =
        new ConversationService(conversationRepository, memoryRepository, recall, rules, outbox);
    IngestService ingest =
        new IngestService(
            new MemoryService(
                memoryRepository, embeddings, chunker, rules, config, quotas, maxMemories),
            conversationRepository,
            processed,
            rules);
    String user = newUser();
    memorize(user, "The billing service stores its data in PostgreSQL"); // something to recall

    String id = asking.start(user, new StartConversation(null, ASKED, 2000, 5)).conversationId();
    List<ConversationMessage> stored =
        conversations.append(
            user,
            id,
            new AppendMessages(
                List.of(
                    new ConversationMessage(null, "user", ASKED, null, null, null),
                    new ConversationMessage(null, "assistant", ANSWERED, null, null, null))));
    ingest.ingest(
        ConversationService.toEmbed(user, id, stored).stream()
            .map(Outbox.KeyedEvent::event)
            .toList());

    return registry.find("zo.memory.embedding.batch").summary().totalAmount();
  }
}
