package dev.zoclone.bench.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Everyday sentences of the kind people store as memories, generated from a seed. */
final class Sentences {
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

  private Sentences() {}

  /** {@code count} distinct sentences. */
  static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> sentences = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sentences.add(
          SUBJECTS[random.nextInt(SUBJECTS.length)]
              + " "
              + VERBS[random.nextInt(VERBS.length)]
              + " "
              + WHEN[random.nextInt(WHEN.length)]
              + " (note "
              + i
              + ")");
    }
    return sentences;
  }
}
