package dev.zoclone.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class BodyTooLargeRouteTest {
  @Test
  void aBodyOverTheHttpLimitIsA413ProblemWithAStableType() {
    // The test app keeps Quarkus's default limit of 10240K.
    byte[] body = new byte[11 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');

    given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", "u1")
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/echo")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/payload-too-large"))
        .body("status", is(413))
        .body("instance", is("/api/v1/echo"));
  }
}
