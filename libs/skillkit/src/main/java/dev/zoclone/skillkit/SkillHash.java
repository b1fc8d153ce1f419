package dev.zoclone.skillkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A skill version's identity: SHA-256 over its files in sorted path order, each as its path, a zero
 * byte, its length (8 bytes) and its content, so no two different folders share a hash.
 */
public final class SkillHash {
  private SkillHash() {}

  /** The lower-case hex SHA-256 of {@code files} (the folder's name is not part of it). */
  public static String of(SkillFiles files) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (var file : files.files().entrySet()) {
      digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(ByteBuffer.allocate(Long.BYTES).putLong(file.getValue().length).array());
      digest.update(file.getValue());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
