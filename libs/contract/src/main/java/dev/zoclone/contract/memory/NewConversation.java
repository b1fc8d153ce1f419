package dev.zoclone.contract.memory;

/** Starts a conversation; the title may be null. */
public record NewConversation(String title) {}
