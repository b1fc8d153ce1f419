package dev.zoclone.memory.repository;

/** The text form pgvector reads and writes, {@code [0.1,0.2,...]}. */
final class Vectors {
  private Vectors() {}

  static String literal(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 10).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(vector[i]);
    }
    return text.append(']').toString();
  }
}
