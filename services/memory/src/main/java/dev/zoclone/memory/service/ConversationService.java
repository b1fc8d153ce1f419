package dev.zoclone.memory.service;

import dev.zoclone.contract.EventEnvelope;
import dev.zoclone.contract.Topics;
import dev.zoclone.contract.memory.AppendMessages;
import dev.zoclone.contract.memory.ContextRequest;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.ConversationList;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.ConversationRef;
import dev.zoclone.contract.memory.ConversationSummary;
import dev.zoclone.contract.memory.ConversationView;
import dev.zoclone.contract.memory.IngestItem;
import dev.zoclone.contract.memory.NewConversation;
import dev.zoclone.contract.memory.RecalledMemory;
import dev.zoclone.contract.memory.RenameConversation;
import dev.zoclone.contract.memory.StartConversation;
import dev.zoclone.contract.memory.StartedConversation;
import dev.zoclone.contract.memory.SummaryUpdate;
import dev.zoclone.memory.repository.ConversationRepository;
import dev.zoclone.memory.repository.MemoryRepository;
import dev.zoclone.memory.repository.StoredConversation;
import dev.zoclone.memory.repository.StoredMessage;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.outbox.Outbox;
import dev.zoclone.platform.outbox.Outbox.KeyedEvent;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Conversations: turns are stored at once and embedded asynchronously (through the outbox onto
 * {@code zo.memory.ingest}); the context is the summary, the newest turns that fit the token budget
 * and the memories recalled for the new message.
 */
@ApplicationScoped
public class ConversationService {
  private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
  private static final Set<String> EMBEDDED_ROLES = Set.of("user", "assistant");

  /** The longest title a caller may give a conversation, and the longest search text. */
  public static final int MAX_TITLE_CHARS = 200;

  private final ConversationRepository conversations;
  private final MemoryRepository memories;
  private final RecallService recall;
  private final ContentRules rules;
  private final Outbox outbox;

  public ConversationService(
      ConversationRepository conversations,
      MemoryRepository memories,
      RecallService recall,
      ContentRules rules,
      Outbox outbox) {
    this.conversations = conversations;
    this.memories = memories;
    this.recall = recall;
    this.rules = rules;
    this.outbox = outbox;
  }

  @Transactional
  public ConversationRef create(String owner, NewConversation request) {
    String id = UUID.randomUUID().toString();
    conversations.create(id, owner, request == null ? null : request.title());
    return new ConversationRef(id);
  }

  /** Appends turns and queues the user and assistant turns for embedding. */
  @Transactional
  public List<ConversationMessage> append(String owner, String id, AppendMessages request) {
    if (request == null || request.messages() == null || request.messages().isEmpty()) {
      throw ProblemException.badRequest("messages", "must not be empty");
    }
    for (int i = 0; i < request.messages().size(); i++) {
      ConversationMessage turn = request.messages().get(i);
      String field = "messages[" + i + "]";
      if (turn == null || turn.role() == null || !ROLES.contains(turn.role())) {
        throw ProblemException.badRequest(field + ".role", "must be one of " + ROLES);
      }
      // An assistant turn that calls tools may have no text (agents sends it as "").
      if (turn.toolCalls() == null || (turn.content() != null && !turn.content().isEmpty())) {
        rules.checkContent(field + ".content", turn.content());
      }
    }
    // Ownership checked and the conversation stamped in one statement.
    if (!conversations.touch(owner, id)) {
      throw ProblemException.notFound("conversation " + id);
    }
    List<ConversationMessage> stored = conversations.append(id, request.messages());
    // One outbox row for the turns of one append (still one record per turn on the topic).
    outbox.publishAll(Topics.MEMORY_INGEST, toEmbed(owner, id, stored));
    return stored;
  }

  /** The ingest events of the stored turns that are embedded: user and assistant text. */
  static List<KeyedEvent> toEmbed(String owner, String id, List<ConversationMessage> stored) {
    List<KeyedEvent> toEmbed = new ArrayList<>();
    for (ConversationMessage turn : stored) {
      if (EMBEDDED_ROLES.contains(turn.role())
          && turn.content() != null
          && !turn.content().isBlank()) {
        IngestItem item = new IngestItem(owner, "message", turn.content(), null, id, turn.id());
        toEmbed.add(
            new KeyedEvent(
                owner,
                EventEnvelope.of(
                    IngestItem.MESSAGE_EVENT,
                    "memory",
                    turn.id(),
                    EventJson.mapper().valueToTree(item))));
      }
    }
    return toEmbed;
  }

  /**
   * Starts a conversation and answers the context of its first message: no summary, no turns, the
   * memories recalled for the message (one call instead of create, then context).
   */
  public StartedConversation start(String owner, StartConversation request) {
    if (request == null) {
      throw ProblemException.badRequest("token_budget", "must be zero or more");
    }
    checkContextRequest(request.tokenBudget(), request.topK());
    String id = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew().run(() -> conversations.create(id, owner, request.title()));
    List<RecalledMemory> recalled = recalled(owner, id, request.message(), request.topK());
    return new StartedConversation(id, new ContextResponse(null, List.of(), recalled, List.of()));
  }

  /** The context for a new message in this conversation. */
  public ContextResponse context(String owner, String id, ContextRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("token_budget", "must be zero or more");
    }
    checkContextRequest(request.tokenBudget(), request.topK());
    StoredConversation conversation = owned(owner, id);
    List<StoredMessage> unsummarised =
        conversations.messagesAfter(id, conversation.summaryCoversUntil());
    int start = unsummarised.size();
    long used = 0;
    while (start > 0) {
      long tokens = TokenEstimate.of(unsummarised.get(start - 1).message());
      if (used + tokens > request.tokenBudget()) {
        break;
      }
      used += tokens;
      start--;
    }
    List<ConversationMessage> recent = new ArrayList<>();
    List<ConversationMessage> overflow = new ArrayList<>();
    for (int i = 0; i < unsummarised.size(); i++) {
      (i < start ? overflow : recent).add(unsummarised.get(i).message());
    }
    List<RecalledMemory> recalled = recalled(owner, id, request.message(), request.topK());
    return new ContextResponse(conversation.summary(), recent, recalled, overflow);
  }

  private static void checkContextRequest(int tokenBudget, int topK) {
    if (tokenBudget < 0) {
      throw ProblemException.badRequest("token_budget", "must be zero or more");
    }
    if (topK < 0 || topK > RecallService.MAX_TOP_K) {
      throw ProblemException.badRequest(
          "top_k", "must be between 0 and " + RecallService.MAX_TOP_K);
    }
  }

  private List<RecalledMemory> recalled(String owner, String id, String message, int topK) {
    return topK == 0 || message == null || message.isBlank()
        ? List.of()
        : recall.forConversation(owner, message, topK, id);
  }

  /** Replaces the rolling summary, which now covers every turn up to {@code covers_until}. */
  @Transactional
  public void updateSummary(String owner, String id, SummaryUpdate update) {
    if (update == null || update.summary() == null) {
      throw ProblemException.badRequest("summary", "must not be null");
    }
    if (update.coversUntil() == null) {
      throw ProblemException.badRequest("covers_until", "must name a message");
    }
    owned(owner, id);
    long seq =
        conversations
            .seqOf(id, update.coversUntil())
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "covers_until", "is not a message of this conversation"));
    conversations.updateSummary(id, update.summary(), seq);
  }

  /**
   * A page of the caller's conversations, newest first; with {@code query}, only those whose title
   * or a message contains it.
   */
  public ConversationList list(String owner, int limit, String cursor, String query) {
    if (limit < 1 || limit > 100) {
      throw ProblemException.badRequest("limit", "must be between 1 and 100");
    }
    if (query != null && query.length() > MAX_TITLE_CHARS) {
      throw ProblemException.badRequest(
          "q", "must have at most " + MAX_TITLE_CHARS + " characters");
    }
    String contains = query == null || query.isBlank() ? null : query.strip();
    List<ConversationSummary> page = conversations.list(owner, limit + 1, cursor, contains);
    boolean more = page.size() > limit;
    List<ConversationSummary> shown = more ? page.subList(0, limit) : page;
    return new ConversationList(shown, more ? shown.get(limit - 1).id() : null);
  }

  /** The conversation with every turn and its summary. */
  public ConversationView get(String owner, String id) {
    StoredConversation conversation = owned(owner, id);
    List<ConversationMessage> messages =
        conversations.messagesAfter(id, 0).stream().map(StoredMessage::message).toList();
    return new ConversationView(
        id, conversation.title(), conversation.summary(), messages, conversation.createdAt());
  }

  /** Gives the caller's conversation a new title; answers it as the list shows it. */
  @Transactional
  public ConversationSummary rename(String owner, String id, RenameConversation request) {
    String title = request == null || request.title() == null ? null : request.title().strip();
    if (title == null || title.isEmpty()) {
      throw ProblemException.badRequest("title", "must not be empty");
    }
    if (title.length() > MAX_TITLE_CHARS) {
      throw ProblemException.badRequest(
          "title", "must have at most " + MAX_TITLE_CHARS + " characters");
    }
    owned(owner, id);
    conversations.rename(owner, id, title);
    return conversations
        .summary(owner, id)
        .orElseThrow(() -> ProblemException.notFound("conversation " + id));
  }

  /** Deletes the conversation, its turns and the vectors made of them. */
  @Transactional
  public void delete(String owner, String id) {
    owned(owner, id);
    memories.deleteConversationTurns(owner, id);
    conversations.delete(owner, id);
  }

  private StoredConversation owned(String owner, String id) {
    return conversations
        .find(owner, id)
        .orElseThrow(() -> ProblemException.notFound("conversation " + id));
  }
}
