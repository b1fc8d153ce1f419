package dev.zoclone.cli.gateway;

import dev.zoclone.cli.CliFailure;
import java.util.Optional;

/**
 * The gateway's error answer behind a {@link CliFailure}: its status and problem+json {@code type},
 * so a caller can act on the kind of error instead of parsing the printed message.
 */
public final class GatewayProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String body;

  GatewayProblem(int status, String type, String message, String body) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.body = body;
  }

  /** The error answer's body as the gateway sent it (problem+json, usually). */
  public String body() {
    return body;
  }

  /** The HTTP status, 400 or above. */
  public int status() {
    return status;
  }

  /** The problem's {@code type} URI, empty when the body was not problem+json or had none. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** The gateway problem behind {@code failure}, empty when it failed otherwise (unreachable…). */
  public static Optional<GatewayProblem> of(CliFailure failure) {
    return failure.getCause() instanceof GatewayProblem problem
        ? Optional.of(problem)
        : Optional.empty();
  }
}
