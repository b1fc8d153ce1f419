package dev.zoclone.cli.gateway;

/**
 * A successful answer of the gateway.
 *
 * @param status the HTTP status code
 * @param body the body as received, empty when there was none
 */
public record GatewayResponse(int status, String body) {
  /** The problem+json {@code type} of an error body, empty for a success or a plain body. */
  public java.util.Optional<String> problemType() {
    return status >= 400 ? ProblemMessage.type(body) : java.util.Optional.empty();
  }

  /** The body read as a {@code type}. */
  public <T> T read(Class<T> type) {
    return Json.read(body, type);
  }
}
