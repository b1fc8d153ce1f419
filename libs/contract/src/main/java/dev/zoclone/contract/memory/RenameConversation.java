package dev.zoclone.contract.memory;

/** Body of {@code PATCH /api/v1/conversations/{id}}: the conversation's new title. */
public record RenameConversation(String title) {}
