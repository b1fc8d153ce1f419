package dev.zoclone.skills.service;

/** A user already has as many runs in progress as allowed; answered 429 with Retry-After. */
public class TooManyRunsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooManyRunsException(int limit) {
    super("at most " + limit + " runs at once per user; wait for one to finish");
  }
}
