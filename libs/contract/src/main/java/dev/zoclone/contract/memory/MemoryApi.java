package dev.zoclone.contract.memory;

/**
 * Paths of the memory service that other services call (through the service's own port, with the
 * gateway's internal secret and the caller in {@code X-Zo-User}).
 */
public final class MemoryApi {
  /** Public: save a memory ({@link MemorizeRequest} → {@link MemorizeResponse}). */
  public static final String MEMORIES = "/api/v1/memories";

  /** Public: recall by meaning ({@link RecallRequest} → {@link RecallResponse}). */
  public static final String RECALL = "/api/v1/memories/recall";

  /** Internal: start a conversation ({@link NewConversation} → {@link ConversationRef}). */
  public static final String CONVERSATIONS = "/internal/v1/conversations";

  /**
   * Internal: start a conversation and get the context of its first message in one call ({@link
   * StartConversation} → {@link StartedConversation}).
   */
  public static final String START = "/internal/v1/conversations/start";

  /** Internal: append turns ({@link AppendMessages}) to {@code /internal/v1/conversations/{id}}. */
  public static final String MESSAGES = "/internal/v1/conversations/{id}/messages";

  /** Internal: the context for a new message ({@link ContextRequest} → {@link ContextResponse}). */
  public static final String CONTEXT = "/internal/v1/conversations/{id}/context";

  /** Internal: replace the rolling summary ({@link SummaryUpdate}). */
  public static final String SUMMARY = "/internal/v1/conversations/{id}/summary";

  private MemoryApi() {}
}
