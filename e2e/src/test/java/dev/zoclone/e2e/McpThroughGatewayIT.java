package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, agents, memory and scheduler as processes and a fake OpenAI server: an ask
 * told to "remind me every weekday at 9" creates the automation through the automation tools, and
 * ZoClone's {@code /mcp} serves the official SDK's client through the gateway with a bearer token
 * (tools of several groups as the caller, resources one user cannot read of another's, a revoked
 * token refused).
 */
class McpThroughGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static LocalPlatform.User alice;
  static LocalPlatform.User bob;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer();
    platform = LocalPlatform.start("agents", "memory", "scheduler");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    alice = platform.newUser("alice-" + suffix);
    bob = platform.newUser("bob-" + suffix);
    for (LocalPlatform.User user : List.of(alice, bob)) {
      platform.putKey(user.token(), "openai", model.baseUrl(), "gpt-4o-mini");
    }
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
  }

  static McpSyncClient client(String token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(platform.gatewayUrl())
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(2)).build();
    client.initialize();
    return client;
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void remindMeEveryWeekdayAtNineCreatesTheAutomation() throws Exception {
    String title = "Stand-up " + UUID.randomUUID().toString().substring(0, 8);
    model.enqueue(
        Reply.toolCall(
            "automations_create",
            "{\"title\":\""
                + title
                + "\",\"rrule\":\"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0\","
                + "\"tzid\":\"Europe/Paris\",\"action\":{\"type\":\"ask\",\"prompt\":"
                + "\"Remind me of the stand-up\"}}"),
        Reply.text("Done: every weekday at 9:00 (Europe/Paris)."));

    HttpResponse<String> ask =
        platform.call(
            alice.token(),
            "POST",
            "/api/v1/ask",
            "{\"input\":\"remind me every weekday at 9\",\"model_name\":\"openai:gpt-4o-mini\","
                + "\"tools\":[\"automations\"]}");

    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(ask.body());
    assertThat(answer.at("/tool_calls/0/name").asText()).isEqualTo("automations_create");
    assertThat(answer.at("/tool_calls/0/result").asText()).contains("next_runs");
    List<String> offered = new ArrayList<>();
    model
        .requests()
        .get(model.requests().size() - 2)
        .json()
        .path("tools")
        .forEach(tool -> offered.add(tool.at("/function/name").asText()));
    assertThat(offered).allMatch(name -> name.startsWith("automations_"));
    JsonNode automations =
        JSON.readTree(platform.call(alice.token(), "GET", "/api/v1/automations", null).body());
    JsonNode created = null;
    for (JsonNode automation :
        automations.isArray() ? automations : automations.path("automations")) {
      if (automation.path("title").asText().equals(title)) {
        created = automation;
      }
    }
    assertThat(created).as(automations.toString()).isNotNull();
    assertThat(created.path("rrule").asText())
        .contains("BYDAY=MO,TU,WE,TH,FR")
        .contains("BYHOUR=9");
    assertThat(created.path("tzid").asText()).isEqualTo("Europe/Paris");
    assertThat(created.path("action").path("type").asText()).isEqualTo("ask");
    // Its next runs fall on weekdays at 9:00 in the user's time zone.
    assertThat(created.path("next_runs")).isNotEmpty();
    for (JsonNode run : created.path("next_runs")) {
      java.time.LocalDateTime local = java.time.LocalDateTime.parse(run.path("local").asText());
      assertThat(local.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
      assertThat(local.getDayOfWeek())
          .isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
    }
  }

  @Test
  void anMcpClientUsesToolsOfSeveralGroupsAsTheTokensUser() {
    McpSyncClient client = client(alice.token());
    try {
      List<String> names = new ArrayList<>();
      String cursor = null;
      do {
        McpSchema.ListToolsResult page = client.listTools(cursor);
        page.tools().forEach(tool -> names.add(tool.name()));
        cursor = page.nextCursor();
      } while (cursor != null);
      assertThat(names).contains("memory_save", "automations_create", "jobs_submit");

      CallToolResult saved =
          client.callTool(
              new CallToolRequest(
                  "memory_save", Map.of("content", "Alice's favourite tea is genmaicha"), null));
      assertThat(saved.isError()).as(text(saved)).isFalse();
      CallToolResult recalled =
          client.callTool(
              new CallToolRequest("memory_recall", Map.of("query", "favourite tea"), null));
      assertThat(text(recalled)).contains("genmaicha");

      String title = "mcp-" + UUID.randomUUID().toString().substring(0, 8);
      CallToolResult created =
          client.callTool(
              new CallToolRequest(
                  "automations_create",
                  Map.of(
                      "title",
                      title,
                      "rrule",
                      "FREQ=DAILY;BYHOUR=8",
                      "tzid",
                      "UTC",
                      "action",
                      Map.of("type", "ask", "prompt", "good morning")),
                  null));
      assertThat(created.isError()).as(text(created)).isFalse();
      String id = JSON.readTree(text(created)).path("id").asText();
      CallToolResult paused =
          client.callTool(new CallToolRequest("automations_pause", Map.of("id", id), null));
      assertThat(paused.isError()).as(text(paused)).isFalse();
      assertThat(text(paused)).contains("\"active\":false");

      // Bob's client does not see Alice's automation: the tools run as the token's user.
      McpSyncClient bobs = client(bob.token());
      try {
        CallToolResult foreign =
            bobs.callTool(new CallToolRequest("automations_delete", Map.of("id", id), null));
        assertThat(foreign.isError()).isTrue();
        assertThat(text(foreign)).startsWith("error: HTTP 404");
      } finally {
        bobs.closeGracefully();
      }
      CallToolResult deleted =
          client.callTool(new CallToolRequest("automations_delete", Map.of("id", id), null));
      assertThat(deleted.isError()).as(text(deleted)).isFalse();
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void conversationsAreResourcesThatOnlyTheirOwnerCanRead() throws Exception {
    model.enqueue(Reply.text("Hello Alice."));
    HttpResponse<String> ask =
        platform.call(
            alice.token(),
            "POST",
            "/api/v1/ask",
            "{\"input\":\"Hi, I am Alice\",\"model_name\":\"openai:gpt-4o-mini\",\"tools\":[]}");
    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    String uri = "zo://conversations/" + JSON.readTree(ask.body()).path("conversation_id").asText();

    McpSyncClient mine = client(alice.token());
    McpSyncClient theirs = client(bob.token());
    try {
      assertThat(mine.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .contains(uri);
      McpSchema.ReadResourceResult read = mine.readResource(new McpSchema.ReadResourceRequest(uri));
      assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text())
          .contains("Hello Alice.");
      assertThat(theirs.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .doesNotContain(uri);
      assertThatThrownBy(() -> theirs.readResource(new McpSchema.ReadResourceRequest(uri)))
          .isInstanceOf(McpError.class)
          .satisfies(
              e ->
                  assertThat(((McpError) e).getJsonRpcError().code())
                      .isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND));
    } finally {
      mine.closeGracefully();
      theirs.closeGracefully();
    }
  }

  @Test
  void theToolsRouteListsEveryGroupThroughTheGateway() throws Exception {
    HttpResponse<String> tools = platform.call(alice.token(), "GET", "/api/v1/tools", null);

    assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
    List<String> groups = new ArrayList<>();
    JSON.readTree(tools.body()).path("groups").forEach(g -> groups.add(g.path("name").asText()));
    assertThat(groups).startsWith("memory", "conversations", "agents", "automations", "jobs");
  }

  @Test
  void aRevokedTokenIsRefusedWith401() throws Exception {
    HttpResponse<String> issued = platform.call(alice.token(), "POST", "/api/v1/tokens", "{}");
    assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
    JsonNode token = JSON.readTree(issued.body());
    McpSyncClient client = client(token.path("token").asText());
    try {
      assertThat(client.listTools(null).tools()).isNotEmpty();

      HttpResponse<String> revoked =
          platform.call(
              alice.token(), "DELETE", "/api/v1/tokens/" + token.path("id").asText(), null);
      assertThat(revoked.statusCode()).isIn(200, 204);

      HttpResponse<String> refused =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/mcp"))
                  .header("Authorization", "Bearer " + token.path("token").asText())
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, text/event-stream")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThatThrownBy(() -> client.listTools(null)).isInstanceOf(RuntimeException.class);
    } finally {
      client.close();
    }
  }
}
