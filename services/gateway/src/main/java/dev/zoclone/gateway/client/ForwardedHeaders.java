package dev.zoclone.gateway.client;

import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.gateway.web.SessionCookie;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which headers cross the gateway, in each direction. */
final class ForwardedHeaders {
  /** RFC 9110 7.6.1 hop-by-hop headers, plus those the HTTP client sets itself. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "expect");

  /**
   * Never passed on from a client: the token stays in the gateway, and the identity headers are the
   * gateway's to set, so a client cannot pose as another user.
   */
  private static final Set<String> CLIENT_MUST_NOT_SET =
      Set.of(
          "authorization",
          ZoHeaders.USER.toLowerCase(Locale.ROOT),
          ZoHeaders.INTERNAL_SECRET.toLowerCase(Locale.ROOT),
          ZoHeaders.ADMIN.toLowerCase(Locale.ROOT),
          ZoHeaders.USER_NAME.toLowerCase(Locale.ROOT));

  private ForwardedHeaders() {}

  /**
   * The headers of the request to the service, vouching for {@code userId} named {@code userName}
   * (and its being an admin).
   */
  static MultiMap toService(
      HttpServerRequest request,
      String userId,
      String userName,
      boolean admin,
      String internalSecret) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Set<String> dropped = connectionTokens(request.headers());
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name)
          && !CLIENT_MUST_NOT_SET.contains(name)
          && !dropped.contains(name)) {
        addWithoutSession(headers, header.getKey(), header.getValue());
      }
    }
    headers.set(ZoHeaders.USER, userId);
    headers.set(ZoHeaders.USER_NAME, userName);
    headers.set(ZoHeaders.INTERNAL_SECRET, internalSecret);
    if (admin) {
      headers.set(ZoHeaders.ADMIN, "true");
    }
    String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (client != null) {
      String before = request.getHeader("X-Forwarded-For");
      headers.set("X-Forwarded-For", before == null ? client : before + ", " + client);
    }
    headers.set("X-Forwarded-Proto", request.scheme());
    if (request.authority() != null) {
      headers.set("X-Forwarded-Host", request.authority().toString());
    }
    // The request's trace goes on in the service: its traceparent names the gateway's span.
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), headers, (carrier, key, value) -> carrier.set(key, value));
    return headers;
  }

  /**
   * The headers of a request to a user's process on its public route: the client's own, without the
   * token or any identity header, plus where the route is mounted ({@code X-Forwarded-Prefix}).
   */
  static MultiMap toProcess(HttpServerRequest request, String prefix) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Set<String> dropped = connectionTokens(request.headers());
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name)
          && !CLIENT_MUST_NOT_SET.contains(name)
          && !dropped.contains(name)) {
        addWithoutSession(headers, header.getKey(), header.getValue());
      }
    }
    String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (client != null) {
      String before = request.getHeader("X-Forwarded-For");
      headers.set("X-Forwarded-For", before == null ? client : before + ", " + client);
    }
    headers.set("X-Forwarded-Proto", request.scheme());
    if (request.authority() != null) {
      headers.set("X-Forwarded-Host", request.authority().toString());
    }
    headers.set("X-Forwarded-Prefix", prefix);
    return headers;
  }

  /** Adds a header, without the console's session cookie: like the token, it stays here. */
  private static void addWithoutSession(MultiMap headers, String name, String value) {
    if (!name.equalsIgnoreCase("cookie")) {
      headers.add(name, value);
      return;
    }
    String rest = SessionCookie.withoutSession(value);
    if (!rest.isEmpty()) {
      headers.add(name, rest);
    }
  }

  /** Whether the request asks to switch to the WebSocket protocol. */
  static boolean isWebSocketUpgrade(HttpServerRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /** Copies the service's response headers that are meant for the client. */
  static void toClient(MultiMap fromService, MultiMap toClient) {
    Set<String> dropped = connectionTokens(fromService);
    for (Map.Entry<String, String> header : fromService) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !dropped.contains(name)) {
        toClient.add(header.getKey(), header.getValue());
      }
    }
  }

  /** Whether the client sent {@code Expect: 100-continue}. */
  static boolean expectsContinue(HttpServerRequest request) {
    return "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
  }

  /** Headers named in {@code Connection} are hop-by-hop too (RFC 9110 7.6.1). */
  private static Set<String> connectionTokens(MultiMap headers) {
    Set<String> tokens = new HashSet<>();
    for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
      Arrays.stream(value.split(","))
          .map(token -> token.trim().toLowerCase(Locale.ROOT))
          .filter(token -> !token.isEmpty())
          .forEach(tokens::add);
    }
    return tokens;
  }
}
