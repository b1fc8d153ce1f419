package dev.zoclone.contract.memory;

/** The id of a conversation. */
public record ConversationRef(String id) {}
