package dev.zoclone.memory.repository;

import dev.zoclone.contract.memory.ConversationMessage;

/** A turn with its position in the conversation. */
public record StoredMessage(long seq, ConversationMessage message) {}
