package dev.zoclone.gateway.client;

import java.net.URI;

/** Builds request URIs below a service's base URL. */
final class UpstreamUris {
  private UpstreamUris() {}

  /** {@code base} + {@code pathAndQuery}, with exactly one slash between them. */
  static String join(URI base, String pathAndQuery) {
    String root = base.toString();
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    return root + pathAndQuery;
  }
}
