package dev.zoclone.contract.browser;

/** Paths of the browser service; every one takes the caller in {@code X-Zo-User}. */
public final class BrowserApi {
  /** Open ({@link NewSession} → {@link SessionView}) or list ({@link SessionList}) sessions. */
  public static final String SESSIONS = "/api/v1/browser/sessions";

  /** One session; operations are {@code SESSION + "/" + op}. */
  public static final String SESSION = "/api/v1/browser/sessions/{id}";

  private BrowserApi() {}
}
