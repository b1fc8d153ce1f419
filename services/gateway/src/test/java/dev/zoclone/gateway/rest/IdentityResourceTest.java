package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import dev.zoclone.gateway.service.TokenMint;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class IdentityResourceTest {
  @Inject AgroalDataSource dataSource;

  @TestHTTPResource("/")
  URI gateway;

  @Test
  void anAdminCreatesAUserWhoseTokenWorksAsThatUser() {
    String name = TestCallers.uniqueName("alice");

    JsonPath created =
        given()
            .auth()
            .oauth2(TestCallers.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("name", name))
            .when()
            .post("/api/v1/users")
            .then()
            .statusCode(201)
            .body("name", is(name))
            .extract()
            .jsonPath();

    assertThat(created.getString("token")).startsWith("zo_");
    given()
        .auth()
        .oauth2(created.getString("token"))
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("id", is(created.getString("id")))
        .body("name", is(name))
        .body("admin", is(false));
  }

  @Test
  void tokensAreStoredOnlyAsTheirHash() throws SQLException {
    String token = TestCallers.newUser("hashed").getString("token");

    assertThat(rowsMentioning(token)).isZero();
    assertThat(storedHashes()).contains(TokenMint.hash(token));
  }

  @Test
  void aUserCreatesAndRevokesTheirOwnToken() {
    String first = TestCallers.newUser("bob").getString("token");

    JsonPath issued =
        given()
            .auth()
            .oauth2(first)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "laptop"))
            .when()
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String second = issued.getString("token");
    given().auth().oauth2(second).when().get("/api/v1/me").then().statusCode(200);

    given()
        .auth()
        .oauth2(first)
        .when()
        .delete("/api/v1/tokens/" + issued.getString("id"))
        .then()
        .statusCode(204);

    given().auth().oauth2(second).when().get("/api/v1/me").then().statusCode(401);
    given().auth().oauth2(first).when().get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void aBarePostWithoutBodyOrContentTypeIssuesAToken() throws IOException, InterruptedException {
    String token = TestCallers.newUser("bare").getString("token");
    HttpRequest bare =
        HttpRequest.newBuilder(gateway.resolve("/api/v1/tokens"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(bare, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    String issued = new JsonPath(response.body()).getString("token");
    given().auth().oauth2(issued).when().get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void anotherUsersTokenCannotBeDeleted() {
    String owner = TestCallers.newUser("owner").getString("token");
    String ownersTokenId =
        given()
            .auth()
            .oauth2(owner)
            .contentType(ContentType.JSON)
            .when()
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String intruder = TestCallers.newUser("intruder").getString("token");

    given()
        .auth()
        .oauth2(intruder)
        .when()
        .delete("/api/v1/tokens/" + ownersTokenId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/not-found"));

    given().auth().oauth2(owner).when().get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void aSecondUserWithTheSameNameIsAConflict() {
    String name = TestCallers.uniqueName("twin");
    createUser(name).then().statusCode(201);

    createUser(name)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/user-exists"));
  }

  @Test
  void anInvalidNameIsABadRequestNamingTheField() {
    createUser("Not A Name!")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/validation"))
        .body("errors.field", hasItem("name"));
    createUser("x".repeat(65)).then().statusCode(400).body("errors.field", hasItem("name"));
    createUser("").then().statusCode(400).body("errors.field", hasItem("name"));
  }

  private static io.restassured.response.Response createUser(String name) {
    return given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .when()
        .post("/api/v1/users");
  }

  /** Rows of the tokens table whose text, any column, contains {@code text}. */
  private int rowsMentioning(String text) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM gateway.tokens t WHERE t::text LIKE '%' || ? || '%'")) {
      query.setString(1, text.substring(TokenMint.PREFIX.length()));
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private List<String> storedHashes() throws SQLException {
    List<String> hashes = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection.createStatement().executeQuery("SELECT hash FROM gateway.tokens")) {
      while (rs.next()) {
        hashes.add(rs.getString(1));
      }
    }
    return hashes;
  }
}
