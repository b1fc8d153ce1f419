package dev.zoclone.platform.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.platform.problem.ProblemException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {
  private final EgressPolicy strict = new EgressPolicy(false);
  private final EgressPolicy laptop = new EgressPolicy(true);
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/v1",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:a9fe:a9fe::1]/",
        "http://[fe80::1]/",
        "http://[fd00:ec2::254]/latest",
        "http://100.100.100.200/",
        "http://0.0.0.0:8080/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://255.255.255.255/"
      })
  void refusesLinkLocalMetadataAndUnspecifiedAddressesEvenWhenPrivateRangesAreAllowed(String url) {
    assertThatThrownBy(() -> laptop.check(URI.create(url)))
        .isInstanceOf(EgressRefusedException.class);
    assertThatThrownBy(() -> strict.check(URI.create(url)))
        .isInstanceOf(EgressRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9/",
        "http://localhost/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://[::1]/",
        "http://[fd12:3456::1]/",
        "http://[::ffff:10.0.0.1]/"
      })
  void refusesPrivateRangesUnlessTheDeploymentAllowsThem(String url) {
    assertThatThrownBy(() -> strict.check(URI.create(url)))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageContaining("private");
    assertThat(laptop.check(URI.create(url))).isNotEmpty();
  }

  @Test
  void allowsPublicAddresses() {
    assertThat(strict.check(URI.create("https://8.8.8.8/v1"))).hasSize(1);
    assertThat(strict.check(URI.create("https://[2001:4860:4860::8888]/"))).hasSize(1);
  }

  @Test
  void aStoredUrlThatIsRefusedIsABadRequestNamingTheField() {
    assertThatThrownBy(() -> strict.checkUrl("base_url", "http://169.254.169.254/v1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.toProblem("/x").type()).endsWith("egress-refused");
              assertThat(e.getMessage()).startsWith("base_url: ").contains("metadata");
            });
    assertThatThrownBy(() -> strict.checkUrl("url", "file:///etc/passwd"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> strict.checkUrl("url", "http://no host/"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not a valid URL");
    assertThatCode(() -> strict.checkUrl("url", "https://8.8.4.4/")).doesNotThrowAnyException();
  }

  @Test
  void followsRedirectsItselfAndChecksEveryHop() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hop", exchange -> redirect(exchange, "/end"));
    server.createContext("/metadata", exchange -> redirect(exchange, "http://169.254.169.254/"));
    server.createContext(
        "/end",
        exchange -> {
          byte[] body = exchange.getRequestMethod().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> followed =
        laptop.send(
            client,
            HttpRequest.newBuilder(URI.create(base + "/hop"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString(),
            3);
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(followed.body()).isEqualTo("GET");

    assertThatThrownBy(
            () ->
                laptop.send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/metadata")).build(),
                    HttpResponse.BodyHandlers.ofInputStream(),
                    3))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageContaining("169.254.169.254");
    assertThatThrownBy(
            () ->
                strict.send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/end")).build(),
                    HttpResponse.BodyHandlers.ofString(),
                    3))
        .isInstanceOf(EgressRefusedException.class);
    assertThatThrownBy(
            () ->
                laptop.send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/hop")).build(),
                    HttpResponse.BodyHandlers.ofString(),
                    0))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageContaining("redirects");
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location)
      throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }
}
