package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.zoclone.e2e.support.LocalPlatform;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged browser service on one machine; the gateway knows only the first. A
 * session opened on the second is still reached through the gateway (the first forwards to the
 * replica the session directory names), and the other way round.
 */
class BrowserReplicasIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static LocalPlatform platform;
  static HttpServer pages;
  static LocalPlatform.User user;

  @BeforeAll
  static void start() throws Exception {
    pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pages.createContext(
        "/",
        e -> {
          byte[] body =
              "<!doctype html><html><head><title>Replica page</title></head><body><p>served</p></body></html>"
                  .getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, body.length);
          e.getResponseBody().write(body);
          e.close();
        });
    pages.start();
    platform =
        LocalPlatform.builder()
            .service("browser")
            .replica("browser")
            .property("browser", "zo.platform.egress.allow-private", "true")
            .property("browser", "zo.browser.workers", "1")
            .property("browser@2", "zo.platform.egress.allow-private", "true")
            .property("browser@2", "zo.browser.workers", "1")
            .start();
    user = platform.newUser("replicas-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  @Test
  void aSessionOnEitherReplicaIsReachedThroughTheGateway() throws Exception {
    String page = "http://127.0.0.1:" + pages.getAddress().getPort() + "/";
    String second = platform.service("browser@2").url();

    String onSecond =
        JSON.readTree(direct(second, "POST", "/api/v1/browser/sessions", "{}").body())
            .path("id")
            .asText();
    HttpResponse<String> navigated =
        viaGateway(
            "POST",
            "/api/v1/browser/sessions/" + onSecond + "/navigate",
            "{\"url\":\"" + page + "\"}");
    assertThat(navigated.statusCode()).as(navigated.body()).isEqualTo(200);
    JsonNode content =
        JSON.readTree(
            viaGateway(
                    "POST",
                    "/api/v1/browser/sessions/" + onSecond + "/content",
                    "{\"format\":\"text\"}")
                .body());
    assertThat(content.path("title").asText()).isEqualTo("Replica page");
    assertThat(content.path("content").asText()).contains("served");

    String onFirst =
        JSON.readTree(viaGateway("POST", "/api/v1/browser/sessions", "{}").body())
            .path("id")
            .asText();
    HttpResponse<String> fromSecond =
        direct(
            second,
            "POST",
            "/api/v1/browser/sessions/" + onFirst + "/navigate",
            "{\"url\":\"" + page + "\"}");
    assertThat(fromSecond.statusCode()).as(fromSecond.body()).isEqualTo(200);
    assertThat(JSON.readTree(fromSecond.body()).path("title").asText()).isEqualTo("Replica page");

    assertThat(viaGateway("DELETE", "/api/v1/browser/sessions/" + onSecond, null).statusCode())
        .isEqualTo(204);
    assertThat(viaGateway("GET", "/api/v1/browser/sessions/" + onSecond, null).statusCode())
        .isEqualTo(404);
    assertThat(viaGateway("DELETE", "/api/v1/browser/sessions/" + onFirst, null).statusCode())
        .isEqualTo(204);
  }

  private static HttpResponse<String> viaGateway(String method, String path, String body)
      throws Exception {
    return HTTP.send(
        request(platform.gatewayUrl() + path, method, body)
            .header("Authorization", "Bearer " + user.token())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> direct(String base, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        request(base + path, method, body)
            .header("X-Zo-Internal-Secret", platform.internalSecret())
            .header("X-Zo-User", user.id())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String url, String method, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }
}
