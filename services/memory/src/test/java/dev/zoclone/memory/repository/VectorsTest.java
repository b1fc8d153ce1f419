package dev.zoclone.memory.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void everyFiniteFloatIsWrittenSoThatItReadsBackExactly() {
    SplittableRandom random = new SplittableRandom(18);
    float[] vector = new float[100_000];
    for (int i = 0; i < vector.length; i++) {
      do {
        vector[i] = Float.intBitsToFloat(random.nextInt());
      } while (!Float.isFinite(vector[i]));
    }
    float[] edges = {
      0f, -0f, 1f, -1f, 0.1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE
    };
    System.arraycopy(edges, 0, vector, 0, edges.length);

    assertThat(readBack(Vectors.literal(vector))).isEqualTo(bits(vector));
  }

  @Test
  void writesTheLiteralsPgvectorReads() {
    assertThat(Vectors.literal(new float[] {0.1875f, -0.1f, 0f, Float.MIN_VALUE}))
        .isEqualTo("[0x1.800000p-3,-0x1.99999ap-4,0x0p0,0x0.000002p-126]");
  }

  private static int[] readBack(String literal) {
    return Arrays.stream(literal.substring(1, literal.length() - 1).split(","))
        .mapToInt(element -> Float.floatToRawIntBits(Float.parseFloat(element)))
        .toArray();
  }

  private static int[] bits(float[] vector) {
    int[] bits = new int[vector.length];
    for (int i = 0; i < vector.length; i++) {
      bits[i] = Float.floatToRawIntBits(vector[i]);
    }
    return bits;
  }
}
