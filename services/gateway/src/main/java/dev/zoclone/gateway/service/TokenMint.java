package dev.zoclone.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Mints API tokens and hashes them; the one place that knows what a token looks like. */
public final class TokenMint {
  /** Every token starts with this, so leaked tokens are easy to recognise and scan for. */
  public static final String PREFIX = "zo_";

  private static final int RANDOM_BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("zo_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenMint() {}

  /** A fresh token: 32 random bytes, URL-safe base64 without padding, after {@link #PREFIX}. */
  public static String newToken() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code candidate} could be a token at all; saves a database probe for junk. */
  public static boolean hasTokenShape(String candidate) {
    return candidate != null && SHAPE.matcher(candidate).matches();
  }

  /**
   * Lower-case hex SHA-256 of the token. A plain hash suffices because tokens carry 256 random
   * bits: there is nothing to brute-force from the hash, unlike with passwords.
   */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }
}
