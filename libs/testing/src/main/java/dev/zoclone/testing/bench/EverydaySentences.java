package dev.zoclone.testing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Everyday sentences of the kind people store as memories, generated from a seed (benchmarks). */
public final class EverydaySentences {
  private static final String[] SUBJECTS = {
    "the database",
    "our SQL server",
    "the backup job",
    "the garden",
    "my dentist",
    "the car",
    "the invoice",
    "the team standup",
    "the flight to Oslo",
    "the printer",
    "the wifi router",
    "grandma's recipe",
    "the book club",
    "the tax return",
    "the marathon",
    "the cat"
  };
  private static final String[] VERBS = {
    "needs attention on",
    "was moved to",
    "failed again on",
    "is scheduled for",
    "was fixed on",
    "costs more since",
    "got cancelled for",
    "is discussed every",
    "was renewed on"
  };
  private static final String[] WHEN = {
    "Monday",
    "Tuesday morning",
    "the first of May",
    "next week",
    "the weekend",
    "Friday night",
    "the end of the quarter",
    "every second Thursday",
    "the holidays",
    "noon"
  };

  private EverydaySentences() {}

  /** {@code count} sentences, the same ones for the same seed. */
  public static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(
          pick(random, SUBJECTS)
              + " "
              + pick(random, VERBS)
              + " "
              + pick(random, WHEN)
              + ", note "
              + random.nextInt(100_000));
    }
    return texts;
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
