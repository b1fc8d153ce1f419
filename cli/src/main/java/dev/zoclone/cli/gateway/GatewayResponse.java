package dev.zoclone.cli.gateway;

/**
 * A successful answer of the gateway.
 *
 * @param status the HTTP status code, below 400
 * @param body the body as received, empty when there was none
 */
public record GatewayResponse(int status, String body) {
  /** The body read as a {@code type}. */
  public <T> T read(Class<T> type) {
    return Json.read(body, type);
  }
}
