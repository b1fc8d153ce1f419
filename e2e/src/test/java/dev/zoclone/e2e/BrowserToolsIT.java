package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, agents, memory and browser: through the fake model, an ask calls the
 * browser tools to fill and submit a form on a page this test serves, then reads the result page.
 */
class BrowserToolsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static HttpServer pages;
  static final List<String> submissions = new CopyOnWriteArrayList<>();
  static String token;

  @BeforeAll
  static void start() throws Exception {
    pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pages.createContext(
        "/form",
        e -> {
          byte[] body =
              ("<!doctype html><html><head><title>Sign up</title></head><body>"
                      + "<form action=\"/done\"><label>Name <input id=\"name\" name=\"name\"></label>"
                      + "<label>City <input id=\"city\" name=\"city\"></label>"
                      + "<button id=\"send\">Send</button></form></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, body.length);
          e.getResponseBody().write(body);
          e.close();
        });
    pages.createContext(
        "/done",
        e -> {
          String query = URLDecoder.decode(e.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
          submissions.add(query);
          byte[] body =
              ("<!doctype html><html><head><title>Thanks</title></head><body><h1>Welcome, "
                      + query
                      + "</h1></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, body.length);
          e.getResponseBody().write(body);
          e.close();
        });
    pages.start();
    model = new FakeOpenAiServer();
    platform =
        LocalPlatform.builder()
            .service("agents")
            .service("memory")
            .service("browser")
            .property("browser", "zo.platform.egress.allow-private", "true")
            .property("browser", "zo.browser.workers", "1")
            .property("agents", "zo.agents.max-tool-steps", "8")
            .start();
    token = platform.newUser("browse-" + UUID.randomUUID().toString().substring(0, 8)).token();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  @Test
  void theModelFillsAndSubmitsAFormAndReadsTheResult() throws Exception {
    platform.putKey(token, "openai", model.baseUrl(), "gpt-4o-mini");
    String form = "http://127.0.0.1:" + pages.getAddress().getPort() + "/form";
    model.enqueue(
        Reply.toolCall("browser_navigate", "{\"url\":\"" + form + "\"}"),
        Reply.toolCall(
            "browser_fill",
            "{\"fields\":[{\"selector\":\"#name\",\"value\":\"Ada\"},{\"selector\":\"#city\",\"value\":\"Lyon\"}]}"),
        Reply.toolCall("browser_click", "{\"selector\":\"#send\"}"),
        Reply.toolCall("browser_wait_for", "{\"text\":\"Welcome\"}"),
        Reply.toolCall("browser_snapshot", "{}"),
        Reply.toolCall("browser_screenshot", "{}"),
        Reply.text("Signed up as Ada from Lyon."));

    HttpResponse<String> ask =
        call(
            "POST",
            "/api/v1/ask",
            "{\"input\":\"Sign me up on "
                + form
                + " as Ada from Lyon\",\"model_name\":\"openai:gpt-4o-mini\"}");
    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(ask.body());
    assertThat(answer.path("output").asText()).isEqualTo("Signed up as Ada from Lyon.");
    JsonNode calls = answer.path("tool_calls");
    assertThat(calls).hasSize(6);
    assertThat(calls.get(0).path("result").asText()).contains(form).contains("Sign up");
    assertThat(calls.get(1).path("result").asText()).contains("filled 2 field(s)");
    assertThat(calls.get(4).path("result").asText()).contains("Welcome, name=Ada&city=Lyon");
    assertThat(submissions).containsExactly("name=Ada&city=Lyon");

    String shot = calls.get(5).path("result").asText();
    assertThat(shot).contains("/api/v1/agents/browser-screenshots/");
    String path = shot.substring(shot.indexOf("/api/v1/agents/browser-screenshots/")).trim();
    HttpResponse<byte[]> png =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

    JsonNode sessions = JSON.readTree(call("GET", "/api/v1/browser/sessions", null).body());
    assertThat(sessions.path("sessions")).as("the conversation's session stays open").hasSize(1);
  }

  private static HttpResponse<String> call(String method, String path, String body)
      throws Exception {
    return platform.call(token, method, path, body);
  }
}
