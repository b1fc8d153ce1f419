package dev.zoclone.gateway.client;

/** Why a request could not be relayed; raised before any byte of a response reached the client. */
public class ForwardingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The request body is over the limit. */
    TOO_LARGE,
    /** The service did not send its response headers in time. */
    TIMEOUT,
    /** The service cannot be reached, or dropped the connection before answering. */
    UNREACHABLE
  }

  private final Reason reason;
  private final boolean nothingSent;

  public ForwardingException(Reason reason, String message, Throwable cause) {
    this(reason, message, cause, false);
  }

  /**
   * {@code nothingSent}: no connection was made, so the request (its body unread) may still go to
   * another replica.
   */
  public ForwardingException(Reason reason, String message, Throwable cause, boolean nothingSent) {
    super(message, cause);
    this.reason = reason;
    this.nothingSent = nothingSent;
  }

  /** True when the service never received any part of the request. */
  public boolean nothingSent() {
    return nothingSent;
  }

  public Reason reason() {
    return reason;
  }
}
