package dev.zoclone.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class ProblemMappersTest {

  private static RequestSpecification fromGateway() {
    return given().header("X-Zo-Internal-Secret", "test-internal-secret").header("X-Zo-User", "u1");
  }

  @Test
  void invalidBodyIsA400ProblemNamingEachOffendingField() {
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"\",\"times\":11}")
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors.field", hasItems("text", "times"));
  }

  @Test
  void wrongJsonTypeIsA400ProblemNamingTheField() {
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"a\",\"times\":[1]}")
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors[0].field", is("times"));
  }

  @Test
  void malformedJsonIsA400Problem() {
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":")
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/malformed-json"));
  }

  @Test
  void notFoundIsA404ProblemWithTheRequestPath() {
    fromGateway()
        .when()
        .get("/api/v1/echo/widget")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/not-found"))
        .body("detail", is("thing widget not found"))
        .body("instance", is("/api/v1/echo/widget"));
  }

  @Test
  void unknownRouteIsA404Problem() {
    fromGateway()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", is(404));
  }

  @Test
  void unexpectedErrorIsA500ProblemWithoutInternals() {
    fromGateway()
        .when()
        .get("/api/v1/echo/boom")
        .then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/internal"))
        .body("detail", containsString("reference"))
        .body(not(containsString("secret internal detail")))
        .body(not(containsString("at dev.zoclone")));
  }

  @Test
  void trailingGarbageAfterTheJsonIsMalformed() {
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"a\",\"times\":1}}x")
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/malformed-json"));
  }

  @Test
  void scalarsAreNotCoerced() {
    for (String body :
        new String[] {
          "{\"text\":\"a\",\"times\":1.5}",
          "{\"text\":\"a\",\"times\":\"2\"}",
          "{\"text\":12,\"times\":1}",
          "{\"text\":true,\"times\":1}"
        }) {
      fromGateway()
          .contentType("application/json")
          .body(body)
          .when()
          .post("/api/v1/echo")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", is("https://zoclone.dev/problems/validation"));
    }
  }

  @Test
  void aNulOrALoneSurrogateInAStringIsA400NamingTheField() {
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"a\\u0000b\",\"times\":1}")
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", is("text"))
        .body("detail", containsString("NUL"));
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"a\\ud800\",\"times\":1}")
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(400)
        .body("detail", containsString("lone surrogate"));
  }

  @Test
  void aNulInTheFreeFormJsonOrAMapKeyIsRefusedToo() {
    fromGateway()
        .contentType("application/json")
        .body("{\"a\":[{\"b\":\"x\\u0000\"}]}")
        .when()
        .post("/api/v1/echo/free")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("NUL"));
    fromGateway()
        .contentType("application/json")
        .body("{\"k\\u0000\":\"v\"}")
        .when()
        .post("/api/v1/echo/map")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    fromGateway()
        .contentType("application/json")
        .body("{\"a\":[\"fine \\ud83d\\ude00\"]}")
        .when()
        .post("/api/v1/echo/free")
        .then()
        .statusCode(200);
  }

  @Test
  void aFreeFormFieldLeftOutStaysAbsentAndAnExplicitNullIsJsonNull() {
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"a\"}")
        .when()
        .post("/api/v1/echo/optional")
        .then()
        .statusCode(200)
        .body("extra", is("absent"));
    fromGateway()
        .contentType("application/json")
        .body("{\"text\":\"a\",\"extra\":null}")
        .when()
        .post("/api/v1/echo/optional")
        .then()
        .statusCode(200)
        .body("extra", is("null"));
  }

  @Test
  void aNulInThePathOrQueryIsA400Problem() {
    fromGateway()
        .urlEncodingEnabled(false)
        .get("/api/v1/echo/a%00b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/invalid-text"));
    fromGateway()
        .urlEncodingEnabled(false)
        .get("/api/v1/echo/x?cursor=%00")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/invalid-text"));
  }

  @Test
  void malformedPercentEncodingInThePathIsA400Problem() throws IOException {
    String reply = rawGet("/api/v1/echo/a%ZZb");
    assertThat(reply).startsWith("HTTP/1.1 400");
    assertThat(reply).containsIgnoringCase("content-type: application/problem+json");
    assertThat(reply).contains("\"type\":\"https://zoclone.dev/problems/invalid-uri\"");
    assertThat(reply).contains("\"instance\":\"/api/v1/echo/a%ZZb\"");

    String query = rawGet("/api/v1/echo/x?cursor=%G1");
    assertThat(query).startsWith("HTTP/1.1 400");
    assertThat(query).containsIgnoringCase("content-type: application/problem+json");
  }

  /** The whole answer to a GET of {@code rawPath}, sent as is (no client re-encodes it). */
  private static String rawGet(String rawPath) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      String request =
          "GET "
              + rawPath
              + " HTTP/1.1\r\nHost: localhost\r\nX-Zo-Internal-Secret: test-internal-secret\r\n"
              + "X-Zo-User: u1\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
