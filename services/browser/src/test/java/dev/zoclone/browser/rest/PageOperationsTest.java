package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static dev.zoclone.browser.Browsers.content;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PageOperationsTest {
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
  void navigatesAndReadsThePageAsTextMarkdownAndHtml() {
    op(user, id, "navigate", Map.of("url", pages.url("/hello")))
        .statusCode(200)
        .body("title", equalTo("Hello page"))
        .body("status", equalTo(200))
        .body("url", equalTo(pages.url("/hello")));

    assertThat(content(user, id, "text")).contains("Hello, browser").contains("first");
    assertThat(content(user, id, "markdown"))
        .contains("# Hello, browser")
        .contains("**bold**")
        .contains("[link to the form](" + pages.url("/form") + ")")
        .contains("- first");
    assertThat(content(user, id, "html")).contains("<h1>Hello, browser</h1>");
  }

  @Test
  void aSnapshotRefIsAcceptedByClick() {
    navigate(user, id, pages.url("/hello"));
    String snapshot = content(user, id, "snapshot");
    Matcher link = Pattern.compile("link \"link to the form\" \\[ref=(e\\d+)\\]").matcher(snapshot);
    assertThat(link.find()).as(snapshot).isTrue();

    op(user, id, "click", Map.of("ref", link.group(1))).statusCode(200);

    as(user)
        .body(Map.of("text", "Colour"))
        .post("/api/v1/browser/sessions/" + id + "/wait_for")
        .then()
        .statusCode(200)
        .body("url", equalTo(pages.url("/form")));
  }

  @Test
  void anUnknownSelectorOrRefIs404NamingIt() {
    navigate(user, id, pages.url("/hello"));
    op(user, id, "click", Map.of("selector", "#nothing-here", "timeout_ms", 1000))
        .statusCode(404)
        .body("type", containsString("element-not-found"))
        .body("detail", containsString("#nothing-here"));
    op(user, id, "click", Map.of("ref", "e999", "timeout_ms", 1000))
        .statusCode(404)
        .body("detail", containsString("e999"));
    op(user, id, "click", Map.of()).statusCode(400).body("errors[0].field", equalTo("selector"));
  }

  @Test
  void waitsForContentThatAppearsLateAndForTextToGo() {
    navigate(user, id, pages.url("/late"));
    op(user, id, "wait_for", Map.of("text", "arrived late", "timeout_ms", 10000)).statusCode(200);
    op(user, id, "wait_for", Map.of("text_gone", "waiting", "timeout_ms", 10000)).statusCode(200);
    assertThat(content(user, id, "text")).contains("arrived late").doesNotContain("waiting");
    op(user, id, "wait_for", Map.of("selector", "#never", "timeout_ms", 500))
        .statusCode(504)
        .body("detail", containsString("#never"));
  }

  @Test
  void aSlowPageTimesOutWithAClearProblem() {
    op(user, id, "navigate", Map.of("url", pages.url("/slow"), "timeout_ms", 1000))
        .statusCode(504)
        .body("type", containsString("timeout"))
        .body("detail", containsString("1000ms"));
  }

  @Test
  void screenshotsArePngOrJpegAndPdfIsPdf() {
    navigate(user, id, pages.url("/hello"));
    byte[] png =
        as(user)
            .body(Map.of())
            .post("/api/v1/browser/sessions/" + id + "/screenshot")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    byte[] full =
        as(user)
            .body(Map.of("full_page", true, "format", "jpeg"))
            .post("/api/v1/browser/sessions/" + id + "/screenshot")
            .then()
            .statusCode(200)
            .contentType("image/jpeg")
            .extract()
            .asByteArray();
    assertThat(full).startsWith(0xFF, 0xD8);
    byte[] element =
        as(user)
            .body(Map.of("selector", "h1"))
            .post("/api/v1/browser/sessions/" + id + "/screenshot")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(element).startsWith(0x89, 'P', 'N', 'G').hasSizeLessThan(png.length);
    byte[] pdf =
        as(user)
            .post("/api/v1/browser/sessions/" + id + "/pdf")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
  }

  @Test
  void evaluatesExpressionsToJson() {
    navigate(user, id, pages.url("/hello"));
    op(
            user,
            id,
            "evaluate",
            Map.of(
                "expression",
                "({title: document.title, items: [...document.querySelectorAll('li')].map(li => li.textContent)})"))
        .statusCode(200)
        .body("value.title", equalTo("Hello page"))
        .body("value.items", equalTo(List.of("first", "second")));
    op(user, id, "evaluate", Map.of("expression", "1 +"))
        .statusCode(422)
        .body("type", containsString("evaluation-failed"));
  }

  @Test
  void goesBackAndForward() {
    navigate(user, id, pages.url("/hello"));
    navigate(user, id, pages.url("/form"));
    op(user, id, "back", Map.of()).statusCode(200).body("url", equalTo(pages.url("/hello")));
    op(user, id, "forward", Map.of()).statusCode(200).body("url", equalTo(pages.url("/form")));
    op(user, id, "reload", Map.of()).statusCode(200).body("title", equalTo("Form"));
  }
}
