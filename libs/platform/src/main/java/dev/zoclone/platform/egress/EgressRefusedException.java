package dev.zoclone.platform.egress;

/** A request to a user-supplied URL that the egress policy refused; the message is for users. */
public class EgressRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EgressRefusedException(String message) {
    super(message);
  }
}
