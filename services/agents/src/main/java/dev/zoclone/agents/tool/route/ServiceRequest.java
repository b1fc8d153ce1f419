package dev.zoclone.agents.tool.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One call to a service's public route on behalf of the caller.
 *
 * @param service the service's name in {@code zo.agents.tools.services}
 * @param method the HTTP method
 * @param path the path and query, its variable parts encoded with {@link #segment}
 * @param body the JSON body, or null for none
 */
public record ServiceRequest(String service, String method, String path, JsonNode body) {

  /** A GET of {@code path}. */
  public static ServiceRequest get(String service, String path) {
    return new ServiceRequest(service, "GET", path, null);
  }

  /** One path segment or query value, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
