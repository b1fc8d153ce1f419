package dev.zoclone.gateway.service;

/**
 * Which paths need a bearer token: every one but Quarkus's own {@code /q/*} (health, OpenAPI) and
 * the web console's {@code /console/*} and {@code /}. The rule fails closed: a path nobody thought
 * of, or one spelled oddly ({@code /api/v1;x/me}), needs a token too.
 */
public final class ProtectedPaths {
  /** The only public paths. */
  public static final PathPrefix PUBLIC = new PathPrefix("/q");

  /**
   * The web console's pages and assets; its pages check the session cookie themselves (and send a
   * browser to sign in), while the API routes they call stay behind the check here.
   */
  public static final PathPrefix CONSOLE = new PathPrefix("/console");

  private ProtectedPaths() {}

  /** Whether a request to {@code path} (already normalized) must carry a token. */
  public static boolean covers(String path) {
    return !PUBLIC.matches(path) && !CONSOLE.matches(path) && !path.equals("/");
  }
}
