package dev.zoclone.memory.service;

import dev.zoclone.contract.memory.MemorizeRequest;
import dev.zoclone.contract.memory.MemorizeResponse;
import dev.zoclone.contract.memory.MemoryHistory;
import dev.zoclone.contract.memory.MemoryView;
import dev.zoclone.memory.Sha256;
import dev.zoclone.memory.repository.MemoryRepository;
import dev.zoclone.memory.repository.NewChunk;
import dev.zoclone.memory.repository.NewMemory;
import dev.zoclone.memory.repository.StoredMemory;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.platform.quota.OwnerQuotas;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Memorize, read, update and forget: content is validated, chunked and embedded outside the
 * transaction, then written in one transaction (dedup, row, chunks), so nothing is half-written.
 */
@ApplicationScoped
public class MemoryService {
  private final MemoryRepository memories;
  private final Embeddings embeddings;
  private final Chunker chunker;
  private final ContentRules rules;
  private final double dedupThreshold;
  private final OwnerQuotas quotas;
  private final long maxMemories;

  public MemoryService(
      MemoryRepository memories,
      Embeddings embeddings,
      Chunker chunker,
      ContentRules rules,
      dev.zoclone.memory.config.MemoryConfig config,
      OwnerQuotas quotas,
      @ConfigProperty(name = "zo.quota.memories") long maxMemories) {
    this.memories = memories;
    this.embeddings = embeddings;
    this.chunker = chunker;
    this.rules = rules;
    this.dedupThreshold = config.dedup().threshold();
    this.quotas = quotas;
    this.maxMemories = maxMemories;
  }

  /** Saves a memory, or answers the near-duplicate the owner already has. */
  public MemorizeResponse memorize(String owner, MemorizeRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("content", "must not be empty");
    }
    rules.checkContent("content", request.content());
    rules.checkMeta("meta", request.meta());
    return store(owner, Kind.MEMORY, request.content(), request.meta(), null, null);
  }

  /** Saves text under {@code owner}; conversation turns are never deduplicated. */
  public MemorizeResponse store(
      String owner,
      Kind kind,
      String content,
      Map<String, String> meta,
      String conversationId,
      String messageId) {
    return save(owner, kind, content, meta, conversationId, messageId, embed(owner, content));
  }

  /**
   * Saves text whose chunks are already embedded (see {@link #embedAll}); joins the caller's
   * transaction when there is one.
   */
  public MemorizeResponse save(
      String owner,
      Kind kind,
      String content,
      Map<String, String> meta,
      String conversationId,
      String messageId,
      List<NewChunk> chunks) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              memories.lockOwner(owner);
              if (isDeduplicated(kind, chunks)) {
                Optional<String> duplicate =
                    memories.nearDuplicate(
                        owner, embeddings.modelName(), chunks.get(0).vector(), dedupThreshold);
                if (duplicate.isPresent()) {
                  return new MemorizeResponse(duplicate.get(), duplicate.get());
                }
              }
              if (kind == Kind.MEMORY) {
                quotas.requireRoom(
                    "memories",
                    owner,
                    maxMemories,
                    () -> memories.countOwned(owner, kind.column()));
              }
              String id = UUID.randomUUID().toString();
              memories.insert(id, owner, kind.column(), content, meta, conversationId, messageId);
              memories.insertChunks(id, owner, chunks);
              return new MemorizeResponse(id, null);
            });
  }

  /**
   * Saves embedded items in the caller's transaction (or one of its own): those that may be a
   * near-duplicate or count against a quota one by one, the rest (conversation turns, documents of
   * several chunks) together in a fixed number of statements. Answers how many were saved.
   */
  public int saveAll(List<EmbeddedItem> items) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              List<NewMemory> together = new ArrayList<>();
              for (EmbeddedItem item : items) {
                if (item.kind() == Kind.MEMORY || isDeduplicated(item.kind(), item.chunks())) {
                  save(
                      item.owner(),
                      item.kind(),
                      item.content(),
                      item.meta(),
                      item.conversationId(),
                      item.messageId(),
                      item.chunks());
                } else {
                  together.add(
                      new NewMemory(
                          UUID.randomUUID().toString(),
                          item.owner(),
                          item.kind().column(),
                          item.content(),
                          item.meta(),
                          item.conversationId(),
                          item.messageId(),
                          item.chunks()));
                }
              }
              // No owner lock: these are never a near-duplicate's candidates nor counted by a
              // quota.
              memories.insertAll(together);
              return items.size();
            });
  }

  /** Whether a new memory is checked against the owner's near-duplicates: one-chunk non-turns. */
  private static boolean isDeduplicated(Kind kind, List<NewChunk> chunks) {
    return kind != Kind.MESSAGE && chunks.size() == 1;
  }

  /** The caller's memory, or 404. */
  public MemoryView get(String owner, String id) {
    return view(owned(owner, id));
  }

  /** Replaces content and meta, keeping the previous version in the history. */
  public MemoryView update(String owner, String id, MemorizeRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("content", "must not be empty");
    }
    rules.checkContent("content", request.content());
    rules.checkMeta("meta", request.meta());
    owned(owner, id);
    List<NewChunk> chunks = embed(owner, request.content());
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              StoredMemory current =
                  memories
                      .findForUpdate(owner, id)
                      .orElseThrow(() -> ProblemException.notFound("memory " + id));
              memories.replace(current, request.content(), request.meta());
              memories.insertChunks(id, owner, chunks);
              return view(owned(owner, id));
            });
  }

  /** Earlier versions of the caller's memory, newest first. */
  public MemoryHistory history(String owner, String id) {
    owned(owner, id);
    return new MemoryHistory(id, memories.history(id));
  }

  /** Deletes the caller's memory and its vectors, keeping an audit row. */
  public void delete(String owner, String id) {
    QuarkusTransaction.joiningExisting()
        .run(
            () -> {
              StoredMemory memory = owned(owner, id);
              memories.delete(memory, Sha256.hex(memory.content()));
            });
  }

  private List<NewChunk> embed(String owner, String content) {
    return embedAll(List.of(new OwnedText(owner, content))).get(0);
  }

  /** The chunks of each content, embedded in as few model calls as the batch size allows. */
  public List<List<NewChunk>> embedAll(List<OwnedText> contents) {
    List<List<OwnedText>> split =
        contents.stream()
            .map(
                content ->
                    chunker.split(content.text()).stream()
                        .map(chunk -> new OwnedText(content.owner(), chunk))
                        .toList())
            .toList();
    List<float[]> vectors = embeddings.embedOwned(split.stream().flatMap(List::stream).toList());
    List<List<NewChunk>> result = new ArrayList<>(contents.size());
    int next = 0;
    for (List<OwnedText> texts : split) {
      List<NewChunk> chunks = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        chunks.add(
            new NewChunk(i, texts.get(i).text(), vectors.get(next++), embeddings.modelName()));
      }
      result.add(chunks);
    }
    return result;
  }

  private StoredMemory owned(String owner, String id) {
    return memories.find(owner, id).orElseThrow(() -> ProblemException.notFound("memory " + id));
  }

  private static MemoryView view(StoredMemory memory) {
    return new MemoryView(
        memory.id(),
        memory.content(),
        memory.meta(),
        memory.version(),
        memory.createdAt(),
        memory.updatedAt());
  }

  /** What a memory was made from. */
  public enum Kind {
    MEMORY,
    MESSAGE,
    DOCUMENT;

    /** The kind an ingested item names; anything but a message is a document. */
    public static Kind ofIngested(String kind) {
      return "message".equals(kind) ? MESSAGE : DOCUMENT;
    }

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
