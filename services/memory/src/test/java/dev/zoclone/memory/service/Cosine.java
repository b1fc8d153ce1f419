package dev.zoclone.memory.service;

/** Cosine similarity of two vectors of the same length. */
final class Cosine {
  private Cosine() {}

  static double of(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
