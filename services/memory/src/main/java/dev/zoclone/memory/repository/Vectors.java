package dev.zoclone.memory.repository;

/**
 * The text form pgvector reads, {@code [0x1.99999ap-4,...]}: each element as a hexadecimal float
 * literal, which pgvector's parser ({@code strtof}) reads back exactly. Written here digit by
 * digit: the decimal form, and then {@link Float#toHexString} (which compiles a regular expression
 * for every number it writes), were in turn the largest single cost of storing and searching a
 * vector in the memory service's profile.
 */
final class Vectors {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Vectors() {}

  static String literal(float[] vector) {
    // "-0x1.", six digits, "p-126" and a comma: 18 characters at most per element.
    StringBuilder text = new StringBuilder(vector.length * 18 + 2).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      appendHex(text, vector[i]);
    }
    return text.append(']').toString();
  }

  /**
   * {@code value} exactly, as {@code [-]0x1.hhhhhhp<exponent>} (or {@code 0x0.hhhhhhp-126} below
   * the normal range); NaN and the infinities as {@link Float#toHexString} writes them, which
   * pgvector refuses.
   */
  static void appendHex(StringBuilder text, float value) {
    int bits = Float.floatToRawIntBits(value);
    int exponent = (bits >>> 23) & 0xff;
    if (exponent == 0xff) {
      text.append(Float.toHexString(value));
      return;
    }
    if (bits < 0) {
      text.append('-');
    }
    int fraction = (bits & 0x7fffff) << 1; // 24 bits: six hexadecimal digits
    if (exponent == 0 && fraction == 0) {
      text.append("0x0p0");
      return;
    }
    text.append(exponent == 0 ? "0x0." : "0x1.");
    for (int shift = 20; shift >= 0; shift -= 4) {
      text.append(HEX[(fraction >>> shift) & 0xf]);
    }
    text.append('p').append(exponent == 0 ? -126 : exponent - 127);
  }
}
