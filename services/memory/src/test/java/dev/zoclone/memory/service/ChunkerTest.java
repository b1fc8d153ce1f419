package dev.zoclone.memory.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private final Chunker chunker = new Chunker(100, 20);

  @Test
  void shortContentIsOneChunk() {
    assertThat(chunker.split("  a short note  ")).containsExactly("a short note");
  }

  @Test
  void longContentIsSplitAtWordsIntoChunksThatOverlap() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      text.append("word").append(i).append(' ');
    }
    List<String> chunks = chunker.split(text.toString());

    assertThat(chunks)
        .hasSizeGreaterThan(3)
        .allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(100));
    for (int i = 1; i < chunks.size(); i++) {
      String firstWord = chunks.get(i).split(" ")[0];
      assertThat(firstWord).matches("word\\d+");
      assertThat(chunks.get(i - 1)).contains(firstWord + " ");
    }
    assertThat(chunks.get(chunks.size() - 1)).endsWith("word59");
  }
}
