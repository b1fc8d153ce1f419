package dev.zoclone.worker;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the worker reaches the platform and as whom: the gateway with the node's bearer token (so
 * as the owner of the jobs it runs), or a service directly with the gateway's headers (tests).
 *
 * @param base the URL routes are appended to, without a trailing slash
 * @param headers sent with every request
 */
public record GatewayAccess(URI base, Map<String, String> headers) {
  public GatewayAccess {
    base = URI.create(base.toString().replaceAll("/+$", ""));
    headers = Map.copyOf(headers);
  }

  /** The gateway at {@code gatewayUrl}, called as the owner of {@code token}. */
  public static GatewayAccess withToken(URI gatewayUrl, String token) {
    return new GatewayAccess(gatewayUrl, Map.of("Authorization", "Bearer " + token));
  }

  /** A request to {@code pathAndQuery} carrying the headers. */
  HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
    headers.forEach(request::header);
    return request;
  }

  /** {@code raw} encoded as one path segment or query value. */
  static String encode(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
