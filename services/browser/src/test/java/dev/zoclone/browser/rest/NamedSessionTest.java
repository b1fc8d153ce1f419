package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.navigate;
import static dev.zoclone.browser.Browsers.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.testing.infra.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class NamedSessionTest {
  private final TestPages pages = TestPages.get();

  @Inject AgroalDataSource dataSource;

  @Test
  void aNamedSessionGetsItsCookiesAndStorageBackEncryptedAtRest() throws Exception {
    String user = Browsers.newUser();
    String first = open(user, "work");
    navigate(user, first, pages.url("/cookie"));
    as(user).body(Map.of("name", "work")).post("/api/v1/browser/sessions").then().statusCode(409);
    Browsers.close(user, first);

    List<byte[]> stored = storedStates(user);
    assertThat(stored).hasSize(1);
    String raw = new String(stored.get(0), StandardCharsets.ISO_8859_1);
    assertThat(raw)
        .doesNotContain("cookie-value-42")
        .doesNotContain("local-value-7")
        .doesNotContain("zo_session");

    String second = open(user, "work");
    navigate(user, second, pages.url("/hello"));
    op(
            user,
            second,
            "evaluate",
            Map.of("expression", "[document.cookie, localStorage.getItem('zo_local')]"))
        .statusCode(200)
        .body("value", equalTo(List.of("zo_session=cookie-value-42", "local-value-7")));
    Browsers.close(user, second);

    String stranger = Browsers.newUser();
    String theirs = open(stranger, "work");
    navigate(stranger, theirs, pages.url("/hello"));
    op(stranger, theirs, "evaluate", Map.of("expression", "document.cookie"))
        .body("value", equalTo(""));
    Browsers.close(stranger, theirs);
  }

  @Test
  void anAnonymousSessionLeavesNothing() throws Exception {
    String user = Browsers.newUser();
    String id = Browsers.open(user);
    navigate(user, id, pages.url("/cookie"));
    Browsers.close(user, id);
    assertThat(storedStates(user)).isEmpty();
  }

  private static String open(String user, String name) {
    return as(user)
        .body(Map.of("name", name))
        .post("/api/v1/browser/sessions")
        .then()
        .statusCode(201)
        .body("name", equalTo(name))
        .extract()
        .path("id");
  }

  private List<byte[]> storedStates(String user) throws Exception {
    List<byte[]> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT ciphertext FROM session_state WHERE owner = ?")) {
      select.setString(1, user);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getBytes(1));
        }
      }
    }
    return rows;
  }
}
