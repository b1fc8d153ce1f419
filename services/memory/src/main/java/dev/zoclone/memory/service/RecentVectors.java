package dev.zoclone.memory.service;

import dev.zoclone.memory.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of the texts embedded lately, by model and SHA-256 of the text, least recently used
 * dropped first. A turn's text is embedded for recall when it is asked and again when it is stored;
 * with this, the model runs once. Callers get copies, so no one can change a kept vector.
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

  /** A copy of the vector {@code model} made for {@code text} lately, or null. */
  float[] get(String model, String text) {
    if (capacity == 0) {
      return null;
    }
    String key = key(model, text);
    float[] kept;
    synchronized (vectors) {
      kept = vectors.get(key);
    }
    return kept == null ? null : kept.clone();
  }

  /** Keeps a copy of the vector {@code model} made for {@code text}. */
  void put(String model, String text, float[] vector) {
    if (capacity == 0) {
      return;
    }
    String key = key(model, text);
    float[] copy = vector.clone();
    synchronized (vectors) {
      vectors.put(key, copy);
    }
  }

  private static String key(String model, String text) {
    return model + "\u0000" + Sha256.hex(text);
  }
}
