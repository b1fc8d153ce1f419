package dev.zoclone.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing and revoking tokens by name; an admin listing, disabling and deleting users. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UserAndTokenListingTest {

  @Test
  void aUserListsTheirOwnTokensWithoutSecretsAndRevokesOneByName() {
    JsonPath user = TestCallers.newUser("lister");
    String token = user.getString("token");
    String laptop = newToken(token, "laptop");
    String other = TestCallers.newUser("other").getString("token");
    newToken(other, "not-yours");

    String listing =
        given()
            .auth()
            .oauth2(token)
            .get("/api/v1/tokens")
            .then()
            .statusCode(200)
            .body("tokens.name", is(List.of("default", "laptop")))
            .body("tokens[0].created_at", not(is((Object) null)))
            .body("tokens[0]", hasKey("last_used_at"))
            .body("tokens[0]", hasKey("id"))
            .extract()
            .asString();
    assertThat(listing).doesNotContain(token).doesNotContain(laptop).doesNotContain("not-yours");

    given().auth().oauth2(token).delete("/api/v1/tokens/laptop").then().statusCode(204);

    given().auth().oauth2(laptop).get("/api/v1/me").then().statusCode(401);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/tokens")
        .then()
        .body("tokens.name", is(List.of("default")));
    given().auth().oauth2(other).delete("/api/v1/tokens/default").then().statusCode(204);
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void twoTokensWithOneNameAreRevokedByIdOnly() {
    String token = TestCallers.newUser("twins").getString("token");
    newToken(token, "ci");
    newToken(token, "ci");

    given()
        .auth()
        .oauth2(token)
        .delete("/api/v1/tokens/ci")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("2 of your tokens are named ci; revoke one by its id"));
  }

  @Test
  void anAdminListsDisablesEnablesAndDeletesUsers() {
    JsonPath bob = TestCallers.newUser("bob");
    String id = bob.getString("id");
    String token = bob.getString("token");
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .get("/api/v1/users")
        .then()
        .statusCode(200)
        .body("users.id", hasItem(id))
        .body("users.find { it.id == '" + id + "' }.disabled", is(false));

    for (int i = 0; i < 2; i++) { // twice: the same answer
      given()
          .auth()
          .oauth2(TestCallers.adminToken())
          .post("/api/v1/users/" + bob.getString("name") + "/disable")
          .then()
          .statusCode(200)
          .body("id", is(id))
          .body("disabled", is(true));
    }
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .post("/api/v1/users/" + id + "/enable")
        .then()
        .statusCode(200)
        .body("disabled", is(false));
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .delete("/api/v1/users/" + id)
        .then()
        .statusCode(204);
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .delete("/api/v1/users/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void onlyAnAdminManagesUsersAndNotThemself() {
    JsonPath carol = TestCallers.newUser("carol");
    String victim = TestCallers.newUser("victim").getString("id");

    given().auth().oauth2(carol.getString("token")).get("/api/v1/users").then().statusCode(403);
    given()
        .auth()
        .oauth2(carol.getString("token"))
        .post("/api/v1/users/" + victim + "/disable")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(carol.getString("token"))
        .delete("/api/v1/users/" + victim)
        .then()
        .statusCode(403);
    String adminId =
        given()
            .auth()
            .oauth2(TestCallers.adminToken())
            .get("/api/v1/me")
            .jsonPath()
            .getString("id");
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .post("/api/v1/users/" + adminId + "/disable")
        .then()
        .statusCode(409)
        .body("detail", is("You cannot disable yourself"));
  }

  private static String newToken(String bearer, String name) {
    return given()
        .auth()
        .oauth2(bearer)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }
}
