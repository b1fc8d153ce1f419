package dev.zoclone.contract.processes;

/**
 * Where the gateway sends a request for a public route {@code /p/<user>/<name>/...}; answered to
 * the gateway only ({@code GET /internal/v1/routes/{name}}).
 *
 * @param status the process's status; only RUNNING is forwarded
 * @param visibility {@code private} or {@code public}
 * @param host the host of the replica running it; null when not running
 * @param port the port it serves on; null when not running
 */
public record ProcessRoute(String status, String visibility, String host, Integer port) {}
