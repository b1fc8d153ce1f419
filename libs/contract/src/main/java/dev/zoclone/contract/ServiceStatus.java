package dev.zoclone.contract;

/**
 * The readiness of one service as reported by {@code GET /api/v1/status}.
 *
 * @param name the service's name
 * @param status {@code UP} or {@code DOWN}
 * @param version the service's version, or null when it cannot be reached
 */
public record ServiceStatus(String name, String status, String version) {
  public static final String UP = "UP";
  public static final String DOWN = "DOWN";
}
