package dev.zoclone.contract.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A conversation just started and the context of its first message.
 *
 * @param conversationId the new conversation's id
 * @param context the context: no summary and no turns yet, the memories recalled for the message
 */
public record StartedConversation(
    @JsonProperty("conversation_id") String conversationId, ContextResponse context) {}
