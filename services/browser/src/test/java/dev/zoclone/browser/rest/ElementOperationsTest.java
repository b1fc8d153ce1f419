package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.content;
import static dev.zoclone.browser.Browsers.navigate;
import static dev.zoclone.browser.Browsers.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.TestPages;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ElementOperationsTest {
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
  void fillsSelectsChecksAndSubmitsAForm() {
    navigate(user, id, pages.url("/form"));
    op(
            user,
            id,
            "fill",
            Map.of(
                "fields",
                List.of(
                    Map.of("selector", "#name", "value", "Ada Lovelace"),
                    Map.of("selector", "#email", "value", "ada@example.org"))))
        .statusCode(200);
    op(user, id, "select", Map.of("selector", "#colour", "values", List.of("blue")))
        .statusCode(200);
    op(user, id, "check", Map.of("selector", "#agree")).statusCode(200);
    op(user, id, "hover", Map.of("selector", "#send")).statusCode(200);
    op(user, id, "click", Map.of("selector", "#send")).statusCode(200);
    op(user, id, "wait_for", Map.of("selector", "#result")).statusCode(200);

    assertThat(content(user, id, "text"))
        .contains("name=Ada Lovelace")
        .contains("email=ada@example.org")
        .contains("colour=blue")
        .contains("agree=yes");
  }

  @Test
  void typesKeyByKeyAndSubmitsWithEnter() {
    navigate(user, id, pages.url("/form"));
    op(user, id, "type", Map.of("selector", "#name", "text", "Grace")).statusCode(200);
    op(user, id, "check", Map.of("selector", "#agree")).statusCode(200);
    op(user, id, "uncheck", Map.of("selector", "#agree")).statusCode(200);
    op(user, id, "press", Map.of("selector", "#email", "key", "Enter")).statusCode(200);
    op(user, id, "wait_for", Map.of("selector", "#result")).statusCode(200);

    assertThat(content(user, id, "text")).contains("name=Grace").doesNotContain("agree");
  }

  @Test
  void fillsByRefFromTheSnapshot() {
    navigate(user, id, pages.url("/form"));
    String snapshot = content(user, id, "snapshot");
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("textbox \"Name\" \\[ref=(e\\d+)\\]").matcher(snapshot);
    assertThat(name.find()).as(snapshot).isTrue();
    op(user, id, "fill", Map.of("fields", List.of(Map.of("ref", name.group(1), "value", "Linus"))))
        .statusCode(200);
    op(user, id, "evaluate", Map.of("expression", "document.querySelector('#name').value"))
        .statusCode(200)
        .body("value", equalTo("Linus"));
  }

  @Test
  void uploadsAFile() {
    navigate(user, id, pages.url("/upload"));
    String content =
        Base64.getEncoder().encodeToString("hello upload".getBytes(StandardCharsets.UTF_8));
    op(
            user,
            id,
            "upload",
            Map.of(
                "selector",
                "#file",
                "files",
                List.of(Map.of("name", "greeting.txt", "content_base64", content))))
        .statusCode(200);
    op(user, id, "wait_for", Map.of("text", "greeting.txt:hello upload")).statusCode(200);
    op(
            user,
            id,
            "upload",
            Map.of(
                "selector",
                "#file",
                "files",
                List.of(Map.of("name", "x", "content_base64", "%%%"))))
        .statusCode(400)
        .body("errors[0].field", equalTo("files[0].content_base64"));
  }
}
