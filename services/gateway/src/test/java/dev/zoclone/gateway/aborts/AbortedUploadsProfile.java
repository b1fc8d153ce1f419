package dev.zoclone.gateway.aborts;

import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The gateway in front of {@link UploadService}, with room for bodies of a few hundred KiB and a
 * timeout a loaded machine cannot hit, so only the gateway's own failures can fail a request.
 */
public class AbortedUploadsProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("zo.gateway.max-request-bytes", "1048576", "zo.gateway.timeout", "60s");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(PostgresResource.class), new TestResourceEntry(UploadService.class));
  }
}
