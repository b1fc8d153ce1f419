package dev.zoclone.memory.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The held-out sentence pairs of {@code paraphrases.tsv}: each says the same thing in other words
 * ({@code same}) or shares words or topic without the meaning ({@code different}).
 */
record ParaphraseSet(List<Pair> pairs) {
  private static final String RESOURCE = "paraphrases.tsv";

  /** Two sentences and whether they mean the same. */
  record Pair(boolean same, String first, String second) {}

  static ParaphraseSet load() {
    InputStream in = ParaphraseSet.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath");
    }
    List<Pair> pairs = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length != 3 || !(fields[0].equals("same") || fields[0].equals("different"))) {
          throw new IllegalStateException(RESOURCE + ": not a pair: " + line);
        }
        pairs.add(new Pair(fields[0].equals("same"), fields[1], fields[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ParaphraseSet(List.copyOf(pairs));
  }

  /** Every sentence of the set once, in the order of the file. */
  List<String> sentences() {
    Set<String> sentences = new LinkedHashSet<>();
    for (Pair pair : pairs) {
      sentences.add(pair.first());
      sentences.add(pair.second());
    }
    return List.copyOf(sentences);
  }
}
