package dev.zoclone.memory.repository;

/** A conversation turn as an ingested item names it: whose, in which conversation, which turn. */
public record TurnRef(String owner, String conversationId, String messageId) {}
