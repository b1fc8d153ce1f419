package dev.zoclone.contract.memory;

import java.util.List;

/** Turns to append, in order, to a conversation. */
public record AppendMessages(List<ConversationMessage> messages) {}
