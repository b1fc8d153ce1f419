package dev.zoclone.memory.repository;

/**
 * The text form pgvector reads, {@code [0x1.99999ap-4,...]}: each element as a hexadecimal float
 * literal, which pgvector's parser ({@code strtof}) reads back exactly, and which Java writes
 * several times faster than the shortest decimal form (on this JDK the decimal form was the largest
 * single cost of storing and searching a vector in the memory service's profile).
 */
final class Vectors {
  private Vectors() {}

  static String literal(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 10).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(Float.toHexString(vector[i]));
    }
    return text.append(']').toString();
  }
}
