package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The {@code data} of an event on {@code zo.memory.ingest}: text to embed into a user's memory.
 *
 * @param user the owner of the memory
 * @param kind {@code message} (a conversation turn) or {@code document}
 * @param content the text to embed
 * @param meta optional string metadata, filterable on recall
 * @param conversationId the conversation a message belongs to (null for documents)
 * @param messageId the message's id (null for documents)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestItem(
    String user,
    String kind,
    String content,
    Map<String, String> meta,
    @JsonProperty("conversation_id") String conversationId,
    @JsonProperty("message_id") String messageId) {
  /** Event type of an ingested conversation turn. */
  public static final String MESSAGE_EVENT = "zo.memory.ingest.message";

  /** Event type of an ingested document. */
  public static final String DOCUMENT_EVENT = "zo.memory.ingest.document";
}
