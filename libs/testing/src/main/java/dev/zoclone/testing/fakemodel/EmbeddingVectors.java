package dev.zoclone.testing.fakemodel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Random;

/** Makes unit-length vectors that depend only on the text, so equal texts embed equally. */
final class EmbeddingVectors {

  private EmbeddingVectors() {}

  static float[] of(String text, int dimensions) {
    Random random = new Random(text.hashCode());
    float[] vector = new float[dimensions];
    double squares = 0;
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) random.nextGaussian();
      squares += vector[i] * vector[i];
    }
    float norm = (float) Math.sqrt(squares);
    for (int i = 0; i < dimensions; i++) {
      vector[i] /= norm;
    }
    return vector;
  }

  /** The little-endian float32 bytes, Base64-encoded, as OpenAI sends for base64 format. */
  static String base64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
