package dev.zoclone.platform.secrets;

import io.quarkus.runtime.LaunchMode;
import java.util.Set;

/**
 * The secrets that ship as examples in {@code docker-compose.yml} and {@code k8s/}: a service
 * started outside dev and test mode with one of them refuses to start, since anyone who read the
 * repository knows it.
 */
public final class PlaceholderSecrets {
  private static final Set<String> KNOWN =
      Set.of(
          "dev-only-internal-secret-change-me",
          "REPLACE-ME-internal-secret",
          "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=",
          "REPLACE-ME-master-key");

  private PlaceholderSecrets() {}

  /** Whether {@code value} is one of the published example secrets. */
  public static boolean isPlaceholder(String value) {
    return value != null && KNOWN.contains(value.trim());
  }

  /**
   * Fails when {@code value} is a published example and {@code mode} is a real deployment.
   *
   * @param setting the environment variable that sets it, named in the message
   */
  public static void refuseInProduction(String setting, String value, LaunchMode mode) {
    if (mode == LaunchMode.NORMAL && isPlaceholder(value)) {
      throw new IllegalStateException(
          setting
              + " is the example value published in docker-compose.yml or k8s/; set a secret of"
              + " your own (for example: openssl rand -hex 32) before starting ZoClone");
    }
  }
}
