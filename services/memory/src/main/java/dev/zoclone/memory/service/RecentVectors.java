package dev.zoclone.memory.service;

import dev.zoclone.memory.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of the texts embedded lately, by owner, model and SHA-256 of the text, least recently
 * used dropped first. Keyed by owner so that how fast a text embeds never tells a user whether
 * someone else embedded it lately. A turn's text is embedded for recall when it is asked and again
 * when it is stored; with this, the model runs once. Callers get copies, so no one can change a
 * kept vector.
 */
final class RecentVectors {
  private final int capacity;
  private final Map<String, float[]> vectors;

  RecentVectors(int capacity) {
    this.capacity = capacity;
    this.vectors =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RecentVectors.this.capacity;
          }
        };
  }

  /** A copy of the vector {@code model} made lately for {@code owner}'s {@code text}, or null. */
  float[] get(String owner, String model, String text) {
    if (capacity == 0) {
      return null;
    }
    String key = key(owner, model, text);
    float[] kept;
    synchronized (vectors) {
      kept = vectors.get(key);
    }
    return kept == null ? null : kept.clone();
  }

  /** Keeps a copy of the vector {@code model} made for {@code owner}'s {@code text}. */
  void put(String owner, String model, String text, float[] vector) {
    if (capacity == 0) {
      return;
    }
    String key = key(owner, model, text);
    float[] copy = vector.clone();
    synchronized (vectors) {
      vectors.put(key, copy);
    }
  }

  private static String key(String owner, String model, String text) {
    return owner + "\u0000" + model + "\u0000" + Sha256.hex(text);
  }
}
