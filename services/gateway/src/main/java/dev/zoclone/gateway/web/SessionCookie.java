package dev.zoclone.gateway.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the console's session cookie looks like: its name, a fresh value, the cookie itself
 * (HttpOnly, SameSite=Strict, Secure over https) and the CSRF token derived from its value.
 */
public final class SessionCookie {
  /** The cookie's name. */
  public static final String NAME = "zo_session";

  /** The header a cookie-authenticated state-changing request carries its CSRF token in. */
  public static final String CSRF_HEADER = "X-Zo-Csrf";

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionCookie() {}

  /** A fresh value: 32 random bytes, URL-safe base64 without padding. */
  public static String newValue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The session cookie a request carries, if it has the shape of one; null otherwise. */
  public static String valueOf(HttpServerRequest request) {
    Cookie cookie = request.getCookie(NAME);
    return cookie == null ? null : shaped(cookie.getValue());
  }

  /** {@code value} if it could be a session cookie's value; null otherwise. */
  public static String shaped(String value) {
    return value != null && SHAPE.matcher(value).matches() ? value : null;
  }

  /** A {@code Cookie} header's value without the session cookie (empty when nothing is left). */
  public static String withoutSession(String cookieHeader) {
    return Arrays.stream(cookieHeader.split(";"))
        .map(String::strip)
        .filter(pair -> !pair.isEmpty() && !pair.startsWith(NAME + "="))
        .collect(Collectors.joining("; "));
  }

  /** Whether the request came over https (to the gateway, or to a proxy in front of it). */
  public static boolean secure(HttpServerRequest request) {
    return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  /** The {@code Set-Cookie} value that starts a session. */
  public static String set(String value, Duration ttl, boolean secure) {
    return Cookie.cookie(NAME, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secure)
        .setMaxAge(ttl.toSeconds())
        .encode();
  }

  /** The {@code Set-Cookie} value that removes the session cookie. */
  public static String clear(boolean secure) {
    return Cookie.cookie(NAME, "")
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secure)
        .setMaxAge(0)
        .encode();
  }

  /** Lower-case hex SHA-256 of a cookie value: what the database stores. */
  public static String hash(String value) {
    return HexFormat.of().formatHex(sha256("session\0" + value));
  }

  /**
   * The session's CSRF token. Derived from the cookie's value, which scripts of other sites can
   * neither read (HttpOnly) nor send along with a header they set (SameSite=Strict, and the header
   * is not a simple one).
   */
  public static String csrfToken(String value) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf\0" + value));
  }

  /** Whether {@code presented} is the CSRF token of the session {@code value}, in constant time. */
  public static boolean csrfMatches(String value, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            csrfToken(value).getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }
}
