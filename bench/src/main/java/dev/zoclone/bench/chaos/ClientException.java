package dev.zoclone.bench.chaos;

/** A call the platform answered with an error status; its kind is the status and problem type. */
final class ClientException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String kind;

  ClientException(String kind, String body) {
    super(kind + ": " + body);
    this.kind = kind;
  }

  String kind() {
    return kind;
  }
}
