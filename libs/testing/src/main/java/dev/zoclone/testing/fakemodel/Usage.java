package dev.zoclone.testing.fakemodel;

/**
 * Token counts reported with a reply: input (OpenAI's prompt_tokens, Anthropic's input_tokens) and
 * output (completion_tokens, output_tokens).
 */
public record Usage(int inputTokens, int outputTokens) {

  public Usage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  public static Usage of(int inputTokens, int outputTokens) {
    return new Usage(inputTokens, outputTokens);
  }

  public int totalTokens() {
    return inputTokens + outputTokens;
  }

  /** A rough count, about four characters a token, as the default when a reply sets none. */
  static Usage estimate(RecordedRequest request, Reply reply) {
    int replyChars = reply.text().length();
    for (ToolCall call : reply.toolCalls()) {
      replyChars += call.name().length() + call.argumentsJson().length();
    }
    return new Usage(tokensIn(request.body().length()), tokensIn(replyChars));
  }

  private static int tokensIn(int characters) {
    return Math.max(1, (characters + 3) / 4);
  }
}
