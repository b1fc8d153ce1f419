package dev.zoclone.agents.keys;

import dev.zoclone.agents.models.Provider;

/**
 * A decrypted key ready for one call; it never leaves the service and its {@link #toString()} hides
 * the secret.
 */
public record ResolvedKey(
    String owner,
    String name,
    Provider provider,
    String baseUrl,
    String apiKey,
    String defaultModel) {

  @Override
  public String toString() {
    return "ResolvedKey[" + owner + "/" + name + ", " + provider.apiName() + "]";
  }
}
