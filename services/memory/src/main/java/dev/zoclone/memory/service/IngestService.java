package dev.zoclone.memory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.memory.repository.ConversationRepository;
import dev.zoclone.memory.repository.NewChunk;
import dev.zoclone.memory.repository.TurnRef;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.events.ProcessedEvents;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Embeds a batch of ingested items in one model pass, then stores them in one transaction together
 * with the record of their event ids, so a redelivered event is never stored twice. The two steps
 * are separate calls, so that one batch can be embedded while the one before it is stored.
 */
@ApplicationScoped
public class IngestService {
  /** The consumer name under which handled event ids are recorded. */
  public static final String CONSUMER = "memory-ingest";

  private final MemoryService memories;
  private final ConversationRepository conversations;
  private final ProcessedEvents processed;
  private final ContentRules rules;

  public IngestService(
      MemoryService memories,
      ConversationRepository conversations,
      ProcessedEvents processed,
      ContentRules rules) {
    this.memories = memories;
    this.conversations = conversations;
    this.processed = processed;
    this.rules = rules;
  }

  /** Stores each valid, not yet handled event of the batch; answers how many were stored. */
  public int ingest(List<EventEnvelope> events) {
    return store(embed(events));
  }

  /**
   * Embeds the valid events of the batch in one model pass; an event that is not a valid item is
   * logged and left out.
   */
  public EmbeddedBatch embed(List<EventEnvelope> events) {
    List<EventEnvelope> valid = new ArrayList<>();
    List<IngestItem> items = new ArrayList<>();
    for (EventEnvelope event : events) {
      try {
        IngestItem item = EventJson.mapper().treeToValue(event.data(), IngestItem.class);
        if (item == null || item.user() == null || item.user().isBlank()) {
          throw ProblemException.badRequest("user", "must not be empty");
        }
        rules.checkContent("content", item.content());
        rules.checkMeta("meta", item.meta());
        valid.add(event);
        items.add(item);
      } catch (JsonProcessingException | IllegalArgumentException | ProblemException e) {
        Log.warnf("ingest event %s skipped: %s", event.id(), e.getMessage());
      }
    }
    if (valid.isEmpty()) {
      return EmbeddedBatch.EMPTY;
    }
    long start = System.nanoTime();
    List<List<NewChunk>> chunks =
        memories.embedAll(
            items.stream().map(item -> new OwnedText(item.user(), item.content())).toList());
    Log.debugf(
        "ingest batch of %d embedded in %d ms",
        valid.size(), (System.nanoTime() - start) / 1_000_000);
    return new EmbeddedBatch(valid, items, chunks);
  }

  /** Stores the batch's items whose event ids were not handled before; answers how many. */
  public int store(EmbeddedBatch batch) {
    if (batch.size() == 0) {
      return 0;
    }
    long start = System.nanoTime();
    int stored = store(batch.events(), batch.items(), batch.chunks());
    Log.debugf(
        "ingest batch of %d stored in %d ms",
        batch.size(), (System.nanoTime() - start) / 1_000_000);
    return stored;
  }

  /**
   * Records the event ids, checks which turns still exist and saves the rest, each for the whole
   * batch at once; an event id already recorded (a redelivery) is skipped.
   */
  private int store(
      List<EventEnvelope> valid, List<IngestItem> items, List<List<NewChunk>> chunks) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Set<String> first =
                  processed.firstDeliveries(
                      CONSUMER, valid.stream().map(EventEnvelope::id).toList());
              List<Integer> fresh = new ArrayList<>();
              for (int i = 0; i < valid.size(); i++) {
                if (first.remove(valid.get(i).id())) { // an id twice in one batch: its first only
                  fresh.add(i);
                }
              }
              Set<Integer> deleted = deletedTurns(items, fresh);
              List<EmbeddedItem> toSave = new ArrayList<>();
              for (int i : fresh) {
                IngestItem item = items.get(i);
                if (deleted.contains(i)) {
                  continue; // its conversation was deleted before the turn was embedded
                }
                toSave.add(
                    new EmbeddedItem(
                        item.user(),
                        MemoryService.Kind.ofIngested(item.kind()),
                        item.content(),
                        item.meta(),
                        item.conversationId(),
                        item.messageId(),
                        chunks.get(i)));
              }
              return memories.saveAll(toSave);
            });
  }

  /**
   * Those of {@code candidates} (positions in {@code items}) that are turns of a deleted
   * conversation.
   */
  private Set<Integer> deletedTurns(List<IngestItem> items, List<Integer> candidates) {
    List<Integer> turns =
        candidates.stream().filter(i -> items.get(i).messageId() != null).toList();
    Set<Integer> existing =
        conversations.existingTurns(
            turns.stream()
                .map(items::get)
                .map(item -> new TurnRef(item.user(), item.conversationId(), item.messageId()))
                .toList());
    Set<Integer> deleted = new HashSet<>();
    for (int t = 0; t < turns.size(); t++) {
      if (!existing.contains(t)) {
        deleted.add(turns.get(t));
      }
    }
    return deleted;
  }
}
