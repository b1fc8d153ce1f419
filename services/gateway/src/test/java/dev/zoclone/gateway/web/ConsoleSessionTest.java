package dev.zoclone.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ConsoleSessionTest {
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"zo-csrf\" content=\"([^\"]+)\">");

  private static Response signIn(String token) {
    return given()
        .redirects()
        .follow(false)
        .contentType(ContentType.URLENC)
        .formParam("token", token)
        .when()
        .post("/console/sign-in");
  }

  private static String sessionOf(String token) {
    Response response = signIn(token);
    assertThat(response.statusCode()).isEqualTo(303);
    return response.getCookie(SessionCookie.NAME);
  }

  private static String csrfOf(String session) {
    String page =
        given()
            .cookie(SessionCookie.NAME, session)
            .when()
            .get("/console/chat")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher matcher = CSRF_META.matcher(page);
    assertThat(matcher.find()).as("the page carries the CSRF token").isTrue();
    return matcher.group(1);
  }

  @Test
  void signingInAnswersAnHttpOnlyStrictSessionCookieAndSendsTheBrowserToChat() {
    String token = TestCallers.newUser("console").getString("token");

    Response response = signIn(token);

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.header("Location")).endsWith("/console/chat");
    String setCookie = response.header("Set-Cookie");
    assertThat(setCookie)
        .startsWith(SessionCookie.NAME + "=")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain("Secure")
        .doesNotContain(token);
  }

  @Test
  void theCookieIsSecureWhenTheRequestCameOverHttps() {
    String token = TestCallers.newUser("console").getString("token");

    String setCookie =
        given()
            .redirects()
            .follow(false)
            .header("X-Forwarded-Proto", "https")
            .contentType(ContentType.URLENC)
            .formParam("token", token)
            .when()
            .post("/console/sign-in")
            .then()
            .statusCode(303)
            .extract()
            .header("Set-Cookie");

    assertThat(setCookie).contains("Secure").containsIgnoringCase("HttpOnly");
  }

  @Test
  void aTokenThatIsNotLiveIsShownAsAProblemNextToTheForm() {
    signIn("zo_" + "A".repeat(43))
        .then()
        .statusCode(401)
        .contentType(containsString("text/html"))
        .body(containsString("Unauthenticated"))
        .body(containsString("not a live API token"));
    signIn(" ").then().statusCode(400).body(containsString("Token missing"));
  }

  @Test
  void theSessionCookieAuthenticatesTheApiAsTheTokensUser() {
    JsonPath user = TestCallers.newUser("console");
    String session = sessionOf(user.getString("token"));

    given()
        .cookie(SessionCookie.NAME, session)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("id", is(user.getString("id")))
        .body("name", is(user.getString("name")));
  }

  @Test
  void aForwardedRequestCarriesTheUserButNotTheSessionCookie() {
    JsonPath user = TestCallers.newUser("console");
    String session = sessionOf(user.getString("token"));

    JsonPath seen =
        given()
            .cookie(SessionCookie.NAME, session)
            .cookie("theme", "dark")
            .header(SessionCookie.CSRF_HEADER, csrfOf(session))
            .contentType(ContentType.JSON)
            .body(Map.of("input", "hi"))
            .when()
            .post("/api/v1/ask")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(seen.getString("headers.x-zo-user")).isEqualTo(user.getString("id"));
    assertThat(seen.getString("headers.cookie")).isEqualTo("theme=dark");
    assertThat(seen.getMap("headers").toString()).doesNotContain(session);
  }

  @Test
  void aStateChangingRequestByCookieNeedsTheSessionsCsrfToken() {
    String session = sessionOf(TestCallers.newUser("console").getString("token"));

    given()
        .cookie(SessionCookie.NAME, session)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "no-csrf"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", is("https://zoclone.dev/problems/csrf"));
    given()
        .cookie(SessionCookie.NAME, session)
        .header(SessionCookie.CSRF_HEADER, SessionCookie.csrfToken(SessionCookie.newValue()))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "wrong-csrf"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(403);

    given()
        .cookie(SessionCookie.NAME, session)
        .header(SessionCookie.CSRF_HEADER, csrfOf(session))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "with-csrf"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .body("token", containsString("zo_"));
  }

  @Test
  void revokingTheTokenEndsItsSessions() {
    String first = TestCallers.newUser("console").getString("token");
    JsonPath second =
        given()
            .auth()
            .oauth2(first)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "console"))
            .when()
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String session = sessionOf(second.getString("token"));
    given().cookie(SessionCookie.NAME, session).when().get("/api/v1/me").then().statusCode(200);

    given()
        .auth()
        .oauth2(first)
        .when()
        .delete("/api/v1/tokens/" + second.getString("id"))
        .then()
        .statusCode(204);

    given().cookie(SessionCookie.NAME, session).when().get("/api/v1/me").then().statusCode(401);
    given()
        .redirects()
        .follow(false)
        .cookie(SessionCookie.NAME, session)
        .when()
        .get("/console/chat")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/sign-in"));
  }

  @Test
  void signingOutEndsTheSessionButNotTheToken() {
    String token = TestCallers.newUser("console").getString("token");
    String session = sessionOf(token);
    String csrf = csrfOf(session);

    given()
        .redirects()
        .follow(false)
        .cookie(SessionCookie.NAME, session)
        .contentType(ContentType.URLENC)
        .formParam("csrf", "wrong")
        .when()
        .post("/console/sign-out")
        .then()
        .statusCode(403);
    given().cookie(SessionCookie.NAME, session).when().get("/api/v1/me").then().statusCode(200);

    String cleared =
        given()
            .redirects()
            .follow(false)
            .cookie(SessionCookie.NAME, session)
            .contentType(ContentType.URLENC)
            .formParam("csrf", csrf)
            .when()
            .post("/console/sign-out")
            .then()
            .statusCode(303)
            .header("Location", containsString("/console/sign-in"))
            .extract()
            .header("Set-Cookie");

    assertThat(cleared).contains("Max-Age=0");
    given().cookie(SessionCookie.NAME, session).when().get("/api/v1/me").then().statusCode(401);
    given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void everyPageRendersForASignedInUserUnderAPolicyWithoutInlineScript() {
    String session = sessionOf(TestCallers.newUser("console").getString("token"));

    for (ConsolePage page : ConsolePage.ALL) {
      given()
          .cookie(SessionCookie.NAME, session)
          .when()
          .get("/console/" + page.path())
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Content-Security-Policy", containsString("script-src 'self'"))
          .header("Content-Security-Policy", not(containsString("unsafe-inline")))
          .body(containsString("/console/assets/" + page.path() + ".js"))
          .body(not(containsString("<script>")));
      given()
          .when()
          .get("/console/assets/" + page.path() + ".js")
          .then()
          .statusCode(200)
          .contentType(containsString("javascript"));
    }
  }

  @Test
  void aBrowserThatIsNotSignedInIsSentToSignIn() {
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/console/keys")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/sign-in"));
    given().redirects().follow(false).when().get("/").then().statusCode(303);
    given()
        .when()
        .get("/console/sign-in")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .body(containsString("<label for=\"token\">API token</label>"));
    given()
        .cookie(SessionCookie.NAME, SessionCookie.newValue())
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(401);
  }
}
