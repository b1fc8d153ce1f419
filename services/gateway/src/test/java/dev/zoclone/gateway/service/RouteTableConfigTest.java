package dev.zoclone.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.service.RouteTable.Upstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RouteTableConfigTest {
  @Inject RouteTable table;

  @Test
  void theConfiguredTableIsTheOneInTheApiDocument() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String prefix :
        new String[] {
          "/api/v1/ask", "/api/v1/agents", "/api/v1/keys", "/api/v1/models",
          "/api/v1/personas", "/api/v1/usage", "/zo/ask", "/v1/chat/completions",
          "/api/v1/admin/master-key"
        }) {
      expected.put(prefix, "agents");
    }
    expected.put("/api/v1/tools", "agents");
    expected.put("/api/v1/mcp-servers", "agents");
    expected.put("/mcp", "agents");
    expected.put("/api/v1/memories", "memory");
    expected.put("/api/v1/conversations", "memory");
    expected.put("/api/v1/skills", "skills");
    expected.put("/api/v1/automations", "scheduler");
    expected.put("/api/v1/jobs", "pool");
    expected.put("/api/v1/nodes", "pool");
    expected.put("/api/v1/browser", "browser");
    expected.put("/api/v1/processes", "supervisor");

    expected.forEach(
        (prefix, service) -> {
          assertThat(table.resolve(prefix).map(Upstream::service)).as(prefix).contains(service);
          assertThat(table.resolve(prefix + "/some/id").map(Upstream::service))
              .as(prefix + "/some/id")
              .contains(service);
        });
    assertThat(table.resolve("/api/v1/users")).isEmpty();
    assertThat(table.resolve("/api/v1/status")).isEmpty();
    assertThat(table.resolve("/api/v1/me")).isEmpty();
  }
}
