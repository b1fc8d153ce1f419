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

  public ForwardingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
