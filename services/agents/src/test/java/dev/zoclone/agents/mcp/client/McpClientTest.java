package dev.zoclone.agents.mcp.client;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.agents.support.SdkMcpServer;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caller's MCP servers: stored with their headers encrypted and listed masked, tested, and
 * their tools used by an ask through the fake model against a real MCP server of the SDK; a server
 * that hangs is cut off by its timeout and one that is down is left out, the answer saying so.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class McpClientTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer();
  static final String AUTHORIZATION = "Bearer weather-secret-0123456789";
  static SdkMcpServer weather;
  static ServerSocket hanging;
  static final List<Socket> held = new ArrayList<>();
  static Thread acceptor;

  @Inject AgroalDataSource database;

  String user;

  @BeforeAll
  static void startServers() throws Exception {
    weather = new SdkMcpServer(AUTHORIZATION);
    // Accepts connections and never answers.
    hanging = new ServerSocket(0);
    acceptor =
        new Thread(
            () -> {
              while (!hanging.isClosed()) {
                try {
                  held.add(hanging.accept());
                } catch (java.io.IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    weather.close();
    hanging.close();
    for (Socket socket : held) {
      socket.close();
    }
    MODEL.close();
  }

  @BeforeEach
  void newCaller() {
    user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-mcpc-0123456789ab", "gpt-4o-mini");
  }

  private void addWeather(String name) {
    as(user)
        .body(
            "{\"url\":\""
                + weather.url()
                + "\",\"headers\":{\"Authorization\":\""
                + AUTHORIZATION
                + "\"}}")
        .put("/api/v1/mcp-servers/" + name)
        .then()
        .statusCode(200);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void headersAreStoredEncryptedAndListedMasked() throws Exception {
    as(user)
        .body(
            "{\"url\":\""
                + weather.url()
                + "\",\"headers\":{\"Authorization\":\""
                + AUTHORIZATION
                + "\"},\"enabled_tools\":[\"forecast\"]}")
        .put("/api/v1/mcp-servers/weather")
        .then()
        .statusCode(200)
        .body("name", is("weather"))
        .body("transport", is("streamable_http"))
        .body("headers.Authorization", is("Bea...6789"))
        .body("enabled_tools", hasItems("forecast"))
        .body("enabled", is(true));

    as(user)
        .get("/api/v1/mcp-servers")
        .then()
        .statusCode(200)
        .body("servers[0].name", is("weather"))
        .body(not(containsString("weather-secret")));
    try (Connection connection = database.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select headers_ciphertext from agents.mcp_server where owner = ?")) {
      select.setString(1, user);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1))
            .doesNotContain("weather-secret");
      }
    }
    as(newUser()).get("/api/v1/mcp-servers/weather").then().statusCode(404);
  }

  @Test
  void testConnectsAndListsTheServersTools() {
    addWeather("weather");

    as(user)
        .post("/api/v1/mcp-servers/weather/test")
        .then()
        .statusCode(200)
        .body("ok", is(true))
        .body("tools", hasItems("forecast", "slow"))
        .body("error", nullValue());
  }

  @Test
  void anAskCallsARemoteToolWithTheStoredHeadersAndUsesItsResult() {
    addWeather("weather");
    MODEL.enqueue(
        Reply.toolCall("weather__forecast", "{\"city\":\"Lyon\"}"),
        Reply.text("It will be sunny in Lyon."));

    as(user)
        .body(
            "{\"input\":\"Weather in Lyon?\",\"model_name\":\"openai:gpt-4o-mini\",\"tools\":[\"mcp\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("It will be sunny in Lyon."))
        .body("tool_calls[0].name", is("weather__forecast"))
        .body("tool_calls[0].result", is("Sunny in Lyon"))
        .body("metadata", nullValue());

    JsonNode request = MODEL.requests().get(MODEL.requests().size() - 2).json();
    List<String> offered = new ArrayList<>();
    request.path("tools").forEach(tool -> offered.add(tool.at("/function/name").asText()));
    assertThat(offered).containsExactly("weather__forecast", "weather__slow");
    JsonNode toolResult = MODEL.lastRequest().json().path("messages");
    assertThat(toolResult.get(toolResult.size() - 1).path("content").asText())
        .isEqualTo("Sunny in Lyon");
  }

  @Test
  void aRemoteToolThatHangsIsCutOffByItsTimeout() {
    addWeather("weather");
    MODEL.enqueue(Reply.toolCall("weather__slow", "{}"), Reply.text("It took too long."));

    as(user)
        .body(
            "{\"input\":\"slow please\",\"model_name\":\"openai:gpt-4o-mini\",\"tools\":[\"mcp\"]}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("It took too long."))
        .body(
            "tool_calls[0].result",
            is("error: the MCP server weather failed: it did not answer in time"));
  }

  @Test
  void serversThatHangOrAreDownAreLeftOutAndTheAnswerSaysSo() throws Exception {
    addWeather("weather");
    as(user)
        .body("{\"url\":\"http://127.0.0.1:" + hanging.getLocalPort() + "/mcp\"}")
        .put("/api/v1/mcp-servers/hangs")
        .then()
        .statusCode(200);
    as(user)
        .body("{\"url\":\"http://127.0.0.1:" + closedPort() + "/mcp\"}")
        .put("/api/v1/mcp-servers/down")
        .then()
        .statusCode(200);
    MODEL.enqueue(Reply.text("Here is what I can do."));

    as(user)
        .body("{\"input\":\"What can you do?\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200)
        .body("output", is("Here is what I can do."))
        .body("metadata.mcp_unavailable.hangs", containsString("did not answer within"))
        .body("metadata.mcp_unavailable.down", containsString("not reachable"))
        .body("metadata.mcp_unavailable.weather", nullValue());

    List<String> offered = new ArrayList<>();
    MODEL
        .lastRequest()
        .json()
        .path("tools")
        .forEach(tool -> offered.add(tool.at("/function/name").asText()));
    assertThat(offered).contains("memory_recall", "weather__forecast");
    assertThat(offered).noneMatch(name -> name.startsWith("hangs__") || name.startsWith("down__"));
    as(user)
        .post("/api/v1/mcp-servers/down/test")
        .then()
        .statusCode(200)
        .body("ok", is(false))
        .body("error", containsString("not reachable"));
  }

  @Test
  void badServersAreRefusedNamingTheField() {
    as(user)
        .body("{\"url\":\"" + weather.url() + "\"}")
        .put("/api/v1/mcp-servers/Not_A_Name")
        .then()
        .statusCode(400)
        .body("detail", containsString("name"));
    as(user)
        .body("{\"url\":\"file:///etc/passwd\"}")
        .put("/api/v1/mcp-servers/files")
        .then()
        .statusCode(400)
        .body("detail", containsString("url"));
    as(user)
        .body("{\"url\":\"http://169.254.169.254/latest\"}")
        .put("/api/v1/mcp-servers/metadata")
        .then()
        .statusCode(400)
        .body("type", containsString("egress-refused"));
    as(user)
        .body("{\"url\":\"" + weather.url() + "\",\"transport\":\"stdio\"}")
        .put("/api/v1/mcp-servers/local")
        .then()
        .statusCode(400)
        .body("detail", containsString("transport"));
    as(user)
        .body("{\"url\":\"" + weather.url() + "\",\"headers\":{\"Bad Header\":\"x\"}}")
        .put("/api/v1/mcp-servers/headers")
        .then()
        .statusCode(400)
        .body("detail", containsString("headers"));
  }

  @Test
  void deleteRemovesTheServer() {
    addWeather("weather");

    as(user).delete("/api/v1/mcp-servers/weather").then().statusCode(204);

    as(user).get("/api/v1/mcp-servers/weather").then().statusCode(404);
    as(user).delete("/api/v1/mcp-servers/weather").then().statusCode(404);
  }
}
