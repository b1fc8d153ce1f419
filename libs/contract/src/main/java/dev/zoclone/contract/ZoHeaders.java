package dev.zoclone.contract;

/** HTTP header names shared between the gateway and the services behind it. */
public final class ZoHeaders {
  /** The authenticated caller's user id, set by the gateway only. */
  public static final String USER = "X-Zo-User";

  /**
   * The secret shared by the gateway and the services; a service trusts {@link #USER} only when
   * this header matches its own copy.
   */
  public static final String INTERNAL_SECRET = "X-Zo-Internal-Secret";

  /** {@code true} when the caller is an admin, set by the gateway only (beside {@link #USER}). */
  public static final String ADMIN = "X-Zo-Admin";

  private ZoHeaders() {}
}
