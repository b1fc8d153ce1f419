package dev.zoclone.memory.service;

import dev.zoclone.memory.config.MemoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits long content into overlapping chunks at whitespace, so each chunk fits the embedding
 * model's window and a sentence cut at one chunk's end is whole in the next.
 */
@ApplicationScoped
public class Chunker {
  private final int maxChars;
  private final int overlapChars;

  @Inject
  public Chunker(MemoryConfig config) {
    this(config.chunking().maxChars(), config.chunking().overlapChars());
  }

  Chunker(int maxChars, int overlapChars) {
    if (overlapChars >= maxChars / 2) {
      throw new IllegalArgumentException("chunk overlap must be under half the chunk size");
    }
    this.maxChars = maxChars;
    this.overlapChars = overlapChars;
  }

  /** The chunks of {@code content}, in order; one chunk when it is short. */
  public List<String> split(String content) {
    String text = content.strip();
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (true) {
      if (text.length() - start <= maxChars) {
        chunks.add(text.substring(start));
        return chunks;
      }
      int end = breakBefore(text, start + maxChars, start + maxChars / 2);
      chunks.add(text.substring(start, end).strip());
      int next = end - overlapChars;
      int wordStart = text.indexOf(' ', next);
      start = wordStart > next && wordStart < end ? wordStart + 1 : next;
    }
  }

  /** The last whitespace at or before {@code limit} but after {@code floor}, else {@code limit}. */
  private static int breakBefore(String text, int limit, int floor) {
    for (int i = limit; i > floor; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return limit;
  }
}
