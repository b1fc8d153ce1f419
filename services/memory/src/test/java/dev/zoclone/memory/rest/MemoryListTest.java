package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/memories}: the caller's memories page by page, newest first. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class MemoryListTest {
  private static final List<String> CONTENTS =
      List.of(
          "Alice prefers green tea in the morning",
          "The staging database runs on port 5433",
          "Our office is closed on the first Monday of August",
          "Bob's daughter plays the cello in a youth orchestra",
          "Invoices are due within thirty days of receipt");

  @Test
  void pagesWalkEveryMemoryNewestFirstAndOnlyTheCallers() {
    String user = newUser();
    List<String> saved = new ArrayList<>();
    for (String content : CONTENTS) {
      saved.add(memorize(user, content));
    }
    memorize(newUser(), "Someone else's note about the weather in Lisbon");

    List<String> listed = new ArrayList<>();
    List<String> excerpts = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonPath page =
          as(user)
              .queryParam("limit", 2)
              .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
              .get("/api/v1/memories")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      listed.addAll(page.getList("memories.id", String.class));
      excerpts.addAll(page.getList("memories.excerpt", String.class));
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    List<String> newestFirst = new ArrayList<>(saved);
    java.util.Collections.reverse(newestFirst);
    List<String> contentsNewestFirst = new ArrayList<>(CONTENTS);
    java.util.Collections.reverse(contentsNewestFirst);
    assertThat(listed).containsExactlyElementsOf(newestFirst);
    assertThat(excerpts).containsExactlyElementsOf(contentsNewestFirst);
  }

  @Test
  void aLongMemoryShowsItsFirstTwoHundredCharactersAndItsLength() {
    String user = newUser();
    String content = "The release checklist: " + "verify each step twice. ".repeat(20);
    String id = memorize(user, content);

    JsonPath page = as(user).get("/api/v1/memories").then().statusCode(200).extract().jsonPath();

    assertThat(page.getString("memories[0].id")).isEqualTo(id);
    assertThat(page.getString("memories[0].excerpt")).isEqualTo(content.substring(0, 200));
    assertThat(page.getInt("memories[0].length")).isEqualTo(content.length());
    assertThat(page.getString("memories[0].kind")).isEqualTo("memory");
    assertThat(page.getString("next_cursor")).isNull();
  }

  @Test
  void kindFiltersAndAnEmptyListIsAnEmptyPage() {
    String user = newUser();
    memorize(user, "Carol's birthday is on the ninth of March");

    as(user)
        .queryParam("kind", "document")
        .get("/api/v1/memories")
        .then()
        .statusCode(200)
        .body("memories.size()", is(0));
    as(user)
        .queryParam("kind", "memory")
        .get("/api/v1/memories")
        .then()
        .statusCode(200)
        .body("memories.size()", is(1));
  }

  @Test
  void badValuesAreBadRequestsNamingTheField() {
    String user = newUser();
    String someoneElses = memorize(newUser(), "A note about the bicycle shed's new lock code");
    for (String limit : List.of("0", "201", "ten")) {
      as(user)
          .queryParam("limit", limit)
          .get("/api/v1/memories")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", is("limit"));
    }
    as(user)
        .queryParam("cursor", someoneElses)
        .get("/api/v1/memories")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("cursor"));
    as(user)
        .queryParam("kind", "photo")
        .get("/api/v1/memories")
        .then()
        .statusCode(400)
        .body("errors[0].field", is("kind"));
  }
}
