package dev.zoclone.agents.mcp;

import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The MCP server at {@code /mcp}, driven by the official SDK's own client over real HTTP with the
 * headers the gateway adds: initialize, paged tools/list, tools/call with results and errors,
 * progress of a long tool, resource templates.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class McpServerTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();

  @TestHTTPResource("/")
  URL base;

  String user;
  McpSyncClient client;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @BeforeEach
  void connect() {
    user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-mcp-0123456789abcd", "gpt-4o-mini");
    client =
        McpClient.sync(transport(base, user))
            .requestTimeout(Duration.ofSeconds(60))
            .jsonSchemaValidator(new McpSchemaValidator())
            .build();
    client.initialize();
  }

  @AfterEach
  void disconnect() {
    client.closeGracefully();
  }

  /** The SDK's transport, reaching agents as the gateway does: internal secret and the caller. */
  static HttpClientStreamableHttpTransport transport(URL base, String user) {
    return HttpClientStreamableHttpTransport.builder(base.toString().replaceAll("/$", ""))
        .endpoint("/mcp")
        .requestBuilder(
            HttpRequest.newBuilder()
                .header("X-Zo-Internal-Secret", "test-internal-secret")
                .header("X-Zo-User", user))
        .build();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void initializeNamesTheServerAndItsCapabilities() {
    assertThat(client.getServerInfo().name()).isEqualTo("zoclone");
    assertThat(client.getCurrentInitializationResult().protocolVersion())
        .isIn(McpSessions.VERSIONS);
    assertThat(client.getServerCapabilities().tools()).isNotNull();
    assertThat(client.getServerCapabilities().resources()).isNotNull();
    assertThat(client.getServerCapabilities().prompts()).isNotNull();
  }

  @Test
  void toolsListComesInPagesThatTogetherHoldEveryToolOnce() {
    ListToolsResult first = client.listTools(null);
    assertThat(first.tools()).hasSize(20);
    assertThat(first.nextCursor()).isNotNull();
    List<McpSchema.Tool> all = new ArrayList<>(first.tools());
    String cursor = first.nextCursor();
    while (cursor != null) {
      ListToolsResult page = client.listTools(cursor);
      all.addAll(page.tools());
      cursor = page.nextCursor();
    }

    List<String> names = all.stream().map(McpSchema.Tool::name).toList();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(names)
        .contains(
            "memory_save",
            "memory_recall",
            "conversations_read",
            "agents_spawn_all",
            "automations_create",
            "jobs_submit",
            "skills_run",
            "browser_navigate",
            "processes_logs");
    McpSchema.Tool recall =
        all.stream().filter(tool -> tool.name().equals("memory_recall")).findFirst().orElseThrow();
    assertThat(recall.annotations().readOnlyHint()).isTrue();
    assertThat(recall.inputSchema()).containsEntry("required", List.of("query"));
    McpSchema.Tool delete =
        all.stream()
            .filter(tool -> tool.name().equals("automations_delete"))
            .findFirst()
            .orElseThrow();
    assertThat(delete.annotations().readOnlyHint()).isFalse();
    assertThat(delete.annotations().destructiveHint()).isTrue();
  }

  @Test
  void aBadCursorIsInvalidParams() {
    assertThatThrownBy(() -> client.listTools("not-a-cursor"))
        .isInstanceOf(McpError.class)
        .satisfies(
            e ->
                assertThat(((McpError) e).getJsonRpcError().code())
                    .isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
  }

  @Test
  void memoryToolsSaveAndRecallAsTheSessionsUser() {
    CallToolResult saved =
        client.callTool(
            new CallToolRequest(
                "memory_save", Map.of("content", "The user's cat is called Miso"), null));
    assertThat(saved.isError()).isFalse();
    assertThat(FakeMemoryResource.memory().memoriesOf(user))
        .containsExactly("The user's cat is called Miso");

    CallToolResult recalled =
        client.callTool(
            new CallToolRequest("memory_recall", Map.of("query", "what is the cat called"), null));

    assertThat(recalled.isError()).isFalse();
    assertThat(text(recalled)).contains("Miso");
  }

  @Test
  void anUnknownToolIsInvalidParams() {
    assertThatThrownBy(() -> client.callTool(new CallToolRequest("teleport", Map.of(), null)))
        .isInstanceOf(McpError.class)
        .satisfies(
            e -> {
              assertThat(((McpError) e).getJsonRpcError().code())
                  .isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("teleport");
            });
  }

  @Test
  void badArgumentsAreAToolErrorTheModelCanRead() {
    CallToolResult result =
        client.callTool(new CallToolRequest("memory_recall", Map.of("top_k", 3), null));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("error: invalid arguments").contains("query");
  }

  @Test
  void aServiceThatIsDownIsAToolErrorNotAProtocolError() {
    CallToolResult result =
        client.callTool(new CallToolRequest("jobs_status", Map.of("id", "job-1"), null));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("error: the pool service is not reachable");
  }

  @Test
  void spawnAllReportsProgressAsEachAgentEnds() {
    MODEL.enqueue(Reply.text("first answer"), Reply.text("second answer"));
    // The sync client hands each notification to its consumer on a thread of its own, which may
    // reorder them; this async consumer records them on the thread that reads the stream, so the
    // list is the order the server sent.
    List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
    McpAsyncClient async =
        McpClient.async(transport(base, user))
            .requestTimeout(Duration.ofSeconds(60))
            .jsonSchemaValidator(new McpSchemaValidator())
            .progressConsumer(p -> Mono.fromRunnable(() -> progress.add(p)))
            .build();
    try {
      async.initialize().block();
      CallToolResult result =
          async
              .callTool(
                  new CallToolRequest(
                      "agents_spawn_all",
                      Map.of(
                          "agents",
                          List.of(
                              Map.of(
                                  "id", "a", "prompt", "one", "model_name", "openai:gpt-4o-mini"),
                              Map.of(
                                  "id", "b", "prompt", "two", "model_name", "openai:gpt-4o-mini"))),
                      Map.of("progressToken", "spawn-1")))
              .block();

      assertThat(result.isError()).isFalse();
      assertThat(text(result)).contains("first answer").contains("second answer");
      // The server sends the last progress before the result, on the same stream.
      assertThat(progress)
          .allMatch(p -> p.progressToken().equals("spawn-1"))
          .extracting(ProgressNotification::progress)
          .containsExactly(0.0, 1.0, 2.0);
      assertThat(progress).allMatch(p -> p.total() == 2.0);
    } finally {
      async.closeGracefully().block();
    }
  }

  @Test
  void resourceTemplatesNameMemoriesAndConversations() {
    assertThat(client.listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::uriTemplate)
        .containsExactly("zo://memories/{id}", "zo://conversations/{id}");
    assertThatThrownBy(
            () -> client.readResource(new McpSchema.ReadResourceRequest("zo://elsewhere/1")))
        .isInstanceOf(McpError.class)
        .satisfies(
            e ->
                assertThat(((McpError) e).getJsonRpcError().code())
                    .isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND));
  }
}
