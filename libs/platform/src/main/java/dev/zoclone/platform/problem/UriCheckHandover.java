package dev.zoclone.platform.problem;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the check that a request URI is well formed from Quarkus's HTTP root, which answers an
 * empty 400, over to {@link MalformedUriRoute}, which makes the same check and answers
 * problem+json. Quarkus reads its switch ({@value #SWITCH}) once, from the system properties, when
 * its HTTP recorder is loaded; configuration sources are loaded before that, so this source (it
 * holds no properties) is where the switch can be set for every service without a JVM flag.
 */
public class UriCheckHandover implements ConfigSource {
  /** Quarkus's system property that skips its own URI check. */
  static final String SWITCH = "vertx.disableURIValidation";

  public UriCheckHandover() {
    if (System.getProperty(SWITCH) == null) {
      System.setProperty(SWITCH, "true");
    }
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of();
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of();
  }

  @Override
  public String getValue(String propertyName) {
    return null;
  }

  @Override
  public String getName() {
    return "zo-uri-check-handover";
  }

  @Override
  public int getOrdinal() {
    return Integer.MIN_VALUE;
  }
}
