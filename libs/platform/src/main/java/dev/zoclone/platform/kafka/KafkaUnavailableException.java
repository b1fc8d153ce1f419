package dev.zoclone.platform.kafka;

/** The Kafka broker did not answer in time. */
public class KafkaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
