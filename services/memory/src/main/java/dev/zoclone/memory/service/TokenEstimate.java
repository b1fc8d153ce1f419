package dev.zoclone.memory.service;

import dev.zoclone.contract.memory.ConversationMessage;

/** A model-independent token estimate: about four characters per token, rounded up. */
public final class TokenEstimate {
  private TokenEstimate() {}

  /** Tokens a turn takes, its content and tool calls together. */
  public static long of(ConversationMessage message) {
    long chars = message.content() == null ? 0 : message.content().length();
    if (message.toolCalls() != null) {
      chars += message.toolCalls().toString().length();
    }
    return (chars + 3) / 4;
  }
}
