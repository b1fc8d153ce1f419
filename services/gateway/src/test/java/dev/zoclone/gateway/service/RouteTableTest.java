package dev.zoclone.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.gateway.service.RouteTable.Upstream;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static final Map<String, URI> SERVICES =
      Map.of(
          "agents", URI.create("http://agents:8081"),
          "memory", URI.create("http://memory:8082"));

  private final RouteTable table =
      new RouteTable(
          Map.of(
              "/api/v1/ask", "agents",
              "/api/v1/memories", "memory",
              "/api/v1/memories/special", "agents"),
          SERVICES);

  @Test
  void theLongestMatchingPrefixWins() {
    assertThat(service("/api/v1/memories/special/1")).isEqualTo("agents");
    assertThat(service("/api/v1/memories/ordinary")).isEqualTo("memory");
  }

  @Test
  void aPrefixMatchesOnlyAtASegmentBoundary() {
    assertThat(service("/api/v1/ask")).isEqualTo("agents");
    assertThat(service("/api/v1/ask/stream")).isEqualTo("agents");
    assertThat(table.resolve("/api/v1/asking")).isEmpty();
    assertThat(table.resolve("/api/v1/memoriesx")).isEmpty();
  }

  @Test
  void pathsNoServiceOwnsStayWithTheGateway() {
    assertThat(table.resolve("/api/v1/users")).isEmpty();
    assertThat(table.resolve("/api/v1/status")).isEmpty();
  }

  @Test
  void rejectsARouteToAServiceWithoutURL() {
    assertThatThrownBy(() -> new RouteTable(Map.of("/api/v1/x", "nosuch"), SERVICES))
        .hasMessageContaining("zo.gateway.services.nosuch.url");
  }

  @Test
  void rejectsARouteOutsideTheTokenProtectedPaths() {
    assertThatThrownBy(() -> new RouteTable(Map.of("/q/health", "agents"), SERVICES))
        .hasMessageContaining("public");
  }

  private String service(String path) {
    return table.resolve(path).map(Upstream::service).orElse(null);
  }
}
