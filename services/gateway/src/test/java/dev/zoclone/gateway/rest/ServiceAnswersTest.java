package dev.zoclone.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.gateway.AnsweringService;
import dev.zoclone.gateway.FakeServices;
import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever a service answers reaches the client as it was, whether the client speaks HTTP/1.1 or
 * HTTP/2 to the gateway, and whether the answer carries the hop-by-hop headers of a refusal ({@code
 * Connection: close}, {@code Keep-Alive}, after which the service closes its connection): never a
 * 502 blaming the service.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ServiceAnswersTest {
  private static final List<Integer> STATUSES =
      List.of(200, 201, 204, 400, 401, 403, 404, 409, 413, 422, 429, 500, 503);

  /** Within the test profile's zo.gateway.max-request-bytes (1024). */
  private static final String BODY = "{\"content\":\"" + "x".repeat(900) + "\"}";

  private static final HttpClient DIRECT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TestHTTPResource("/")
  URI gateway;

  @ParameterizedTest(name = "{0} client, closing service: {1}")
  @CsvSource({"HTTP_1_1, false", "HTTP_1_1, true", "HTTP_2, false", "HTTP_2, true"})
  void everyStatusIsRelayedAsTheServiceSentIt(HttpClient.Version version, boolean close)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(version).build();
    // A bodiless first request: the JDK client offers h2c on it, and keeps the connection it gets.
    assertThat(client.send(get(), bodyAsString()).version()).isEqualTo(version);
    for (int round = 0; round < 2; round++) {
      for (int status : STATUSES) {
        // A body the service never reads, as when it refuses one over its limit.
        HttpResponse<String> answer = client.send(post(status, close), bodyAsString());

        assertThat(answer.version()).isEqualTo(version);
        assertThat(answer.statusCode()).as("answer to %d", status).isEqualTo(status);
        assertThat(answer.body()).isEqualTo(AnsweringService.bodyOf(status));
        assertThat(answer.headers().firstValue("Connection")).isEmpty();
        assertThat(answer.headers().firstValue("Keep-Alive")).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0} client")
  @EnumSource(
      value = HttpClient.Version.class,
      names = {"HTTP_1_1", "HTTP_2"})
  void exchangesRelayedToTheirEndLeaveTheServicesConnectionOpenForTheNext(
      HttpClient.Version version) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(version).build();
    assertThat(client.send(get(), bodyAsString()).statusCode()).isEqualTo(200);
    int before = connections();

    for (int i = 0; i < 20; i++) {
      HttpResponse<String> answer = client.send(get(), bodyAsString());
      assertThat(answer.version()).isEqualTo(version);
      assertThat(answer.statusCode()).isEqualTo(200);
    }

    assertThat(connections() - before)
        .as("connections the gateway opened to the service for 20 requests one after another")
        .isLessThanOrEqualTo(1);
  }

  /**
   * How many connections the answering service has accepted, asked directly (over one kept-alive
   * connection of its own, counted once).
   */
  private static int connections() throws Exception {
    URI url =
        URI.create(
            FakeServices.serviceUrl(FakeServices.ANSWERING) + AnsweringService.CONNECTIONS_PATH);
    return Integer.parseInt(
        DIRECT.send(HttpRequest.newBuilder(url).build(), bodyAsString()).body().trim());
  }

  private HttpRequest get() {
    return HttpRequest.newBuilder(gateway.resolve(FakeServices.ANSWERS_PATH + "/200"))
        .header("Authorization", "Bearer " + TestCallers.adminToken())
        .build();
  }

  private HttpRequest post(int status, boolean close) {
    return HttpRequest.newBuilder(
            gateway.resolve(FakeServices.ANSWERS_PATH + "/" + status + "?close=" + close))
        .header("Authorization", "Bearer " + TestCallers.adminToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY))
        .build();
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
