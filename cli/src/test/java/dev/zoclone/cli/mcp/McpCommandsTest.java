package dev.zoclone.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class McpCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }

  @Test
  void addSendsTheUrlAndHeadersAndPrintsWhatWasStored() {
    gateway.answerJson(
        "PUT",
        "/api/v1/mcp-servers/weather",
        200,
        "{\"name\":\"weather\",\"url\":\"https://mcp.example.com/mcp\",\"transport\":"
            + "\"streamable_http\",\"headers\":{\"Authorization\":\"Bea...6789\"},"
            + "\"enabled_tools\":[],\"enabled\":true}");

    Run run =
        zo(
            "mcp",
            "add",
            "weather",
            "https://mcp.example.com/mcp",
            "--header",
            "Authorization=Bearer abc-0123456789");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("MCP server weather stored (https://mcp.example.com/mcp)\n");
    assertThat(gateway.onlyRequest().body())
        .contains("\"url\":\"https://mcp.example.com/mcp\"")
        .contains("\"transport\":\"streamable_http\"")
        .contains("\"Authorization\":\"Bearer abc-0123456789\"");
  }

  @Test
  void aHeaderWithoutEqualsIsAUsageError() {
    Run run = zo("mcp", "add", "weather", "https://mcp.example.com/mcp", "--header", "oops");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("K=V");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void lsPrintsTheServersWithMaskedHeaders() {
    gateway.answerJson(
        "GET",
        "/api/v1/mcp-servers",
        200,
        "{\"servers\":[{\"name\":\"weather\",\"url\":\"https://mcp.example.com/mcp\","
            + "\"transport\":\"sse\",\"headers\":{\"Authorization\":\"Bea...6789\"},"
            + "\"enabled_tools\":[\"forecast\"],\"enabled\":true}]}");

    Run run = zo("mcp", "ls");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("weather")
        .contains("https://mcp.example.com/mcp")
        .contains("Authorization=Bea...6789")
        .contains("forecast")
        .doesNotContain("abc-0123456789");
  }

  @Test
  void testPrintsTheToolsOrTheFailure() {
    gateway.answerJson(
        "POST",
        "/api/v1/mcp-servers/weather/test",
        200,
        "{\"ok\":true,\"latency_ms\":12,\"tools\":[\"forecast\",\"slow\"]}");
    gateway.answerJson(
        "POST",
        "/api/v1/mcp-servers/down/test",
        200,
        "{\"ok\":false,\"latency_ms\":3,\"error\":\"it is not reachable\"}");

    Run ok = zo("mcp", "test", "weather");
    Run down = zo("mcp", "test", "down");

    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("ok (12 ms), 2 tools:").contains("weather__forecast");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.out()).contains("failed after 3 ms: it is not reachable");
  }

  @Test
  void rmDeletesTheServer() {
    gateway.answerEmpty("DELETE", "/api/v1/mcp-servers/weather", 204);

    Run run = zo("mcp", "rm", "weather");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("MCP server weather removed\n");
  }

  @Test
  void toolsLsPrintsEveryToolByGroup() {
    gateway.answerJson(
        "GET",
        "/api/v1/tools",
        200,
        "{\"groups\":[{\"name\":\"memory\",\"tools\":[{\"name\":\"memory_recall\",\"description\":"
            + "\"Searches memories\",\"read_only\":true}]},{\"name\":\"automations\",\"tools\":"
            + "[{\"name\":\"automations_create\",\"description\":\"Creates an automation\","
            + "\"read_only\":false}]}],\"mcp_servers\":[\"weather\"]}");

    Run run = zo("tools", "ls");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("memory_recall")
        .contains("automations_create")
        .contains("MCP servers (group mcp, tools as <server>__<tool>): weather");
  }

  @Test
  void askSendsTheChosenToolGroups() {
    gateway.answerJson(
        "POST",
        "/api/v1/ask",
        200,
        "{\"output\":\"done\",\"conversation_id\":\"c1\",\"model_name\":\"openai:gpt-4o-mini\"}");

    Run run = zo("ask", "--tools", "memory,automations", "remind me every weekday at 9");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(gateway.onlyRequest().body()).contains("\"tools\":[\"memory\",\"automations\"]");
  }
}
