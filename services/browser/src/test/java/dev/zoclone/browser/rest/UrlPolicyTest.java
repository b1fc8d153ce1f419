package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.navigate;
import static dev.zoclone.browser.Browsers.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test profile allows 127.0.0.1 only; 127.0.0.2 stands for the internal network. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class UrlPolicyTest {
  private final TestPages pages = TestPages.get();
  private String user;
  private String id;

  @BeforeEach
  void open() {
    user = Browsers.newUser();
    id = Browsers.open(user);
  }

  @AfterEach
  void close() {
    as(user).delete("/api/v1/browser/sessions/" + id);
  }

  @Test
  void aPrivateAddressIsRefusedWithoutBeingContacted() {
    int before = pages.secretHits();
    op(user, id, "navigate", Map.of("url", pages.secretUrl("/secret")))
        .statusCode(403)
        .body("type", containsString("egress-refused"))
        .body("detail", containsString(pages.secretUrl("/secret")));
    op(user, id, "navigate", Map.of("url", "http://localhost:1/"))
        .statusCode(403)
        .body("detail", containsString("loopback"));
    assertThat(pages.secretHits()).isEqualTo(before);
  }

  @Test
  void aMetadataAddressIsRefusedWithTheEgressProblem() {
    op(user, id, "navigate", Map.of("url", "http://169.254.169.254/latest/meta-data/"))
        .statusCode(403)
        .body("type", equalTo("https://zoclone.dev/problems/egress-refused"))
        .body("detail", containsString("169.254.169.254"))
        .body("detail", containsString("metadata"));
    op(user, id, "navigate", Map.of("url", "http://[::ffff:169.254.169.254]/latest/meta-data/"))
        .statusCode(403)
        .body("type", equalTo("https://zoclone.dev/problems/egress-refused"))
        .body("detail", containsString("metadata"));
    op(user, id, "navigate", Map.of("url", "http://[::ffff:a9fe:a9fe]/"))
        .statusCode(403)
        .body("type", equalTo("https://zoclone.dev/problems/egress-refused"));
    op(user, id, "tabs", Map.of("action", "open", "url", "http://169.254.169.254/"))
        .statusCode(403)
        .body("type", equalTo("https://zoclone.dev/problems/egress-refused"));
  }

  @Test
  void aPrivateAddressIsRefusedWhilePrivateIsNotAllowed() {
    op(user, id, "navigate", Map.of("url", "http://10.0.0.1/"))
        .statusCode(403)
        .body("type", equalTo("https://zoclone.dev/problems/egress-refused"))
        .body("detail", containsString("private"));
    op(user, id, "navigate", Map.of("url", "http://[::ffff:192.168.1.1]/"))
        .statusCode(403)
        .body("type", equalTo("https://zoclone.dev/problems/egress-refused"));
  }

  @Test
  void otherSchemesAreRefused() {
    op(user, id, "navigate", Map.of("url", "file:///etc/passwd")).statusCode(403);
    op(user, id, "navigate", Map.of("url", "chrome://version")).statusCode(403);
    op(user, id, "navigate", Map.of("url", "about:blank")).statusCode(200);
    op(user, id, "navigate", Map.of("url", "data:text/html,<p>inline page</p>")).statusCode(200);
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    int before = pages.secretHits();
    op(user, id, "navigate", Map.of("url", pages.url("/redirect-private")))
        .statusCode(403)
        .body("type", containsString("egress-refused"))
        .body("detail", containsString(pages.secretUrl("/secret")));
    op(user, id, "navigate", Map.of("url", pages.url("/redirect-chain")))
        .statusCode(403)
        .body("detail", containsString(pages.secretUrl("/secret")));
    assertThat(pages.secretHits()).isEqualTo(before);
    op(user, id, "navigate", Map.of("url", pages.url("/redirect-ok")))
        .statusCode(200)
        .body("url", equalTo(pages.url("/hello")));
  }

  @Test
  void aScriptFetchingAPrivateAddressIsBlocked() {
    int before = pages.secretHits();
    navigate(user, id, pages.url("/fetch-private"));
    op(user, id, "wait_for", Map.of("text", "blocked", "timeout_ms", 10000)).statusCode(200);
    navigate(user, id, pages.url("/image-private"));
    JsonPath network =
        as(user)
            .get("/api/v1/browser/sessions/" + id + "/network")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(
            network.getList(
                "requests.findAll { it.url == '" + pages.secretUrl("/secret") + "' }.failure",
                String.class))
        .isNotEmpty()
        .allSatisfy(failure -> assertThat(failure).contains("ERR_BLOCKED_BY_CLIENT"));
    assertThat(pages.secretHits()).isEqualTo(before);
  }
}
