package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.memory.repository.RecallQuery;
import dev.zoclone.memory.repository.RecallRepository;
import dev.zoclone.memory.repository.VectorIndex;
import dev.zoclone.memory.service.Embeddings;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
class RecallTest {
  @Inject AgroalDataSource dataSource;
  @Inject Embeddings embeddings;
  @Inject RecallRepository recallRepository;

  @Test
  void paraphraseWithNoSharedWordIsFoundAndRankedAboveADecoyThatSharesWords() {
    String user = newUser();
    String paraphrase = memorize(user, "Our SQL server is PostgreSQL 15 on the basement machine");
    String decoy = memorize(user, "We run the marathon every spring");
    memorize(user, "Bananas are rich in potassium");

    List<String> ids = recall(user, "Which database do we run?", 5);

    assertThat(ids).first().isEqualTo(paraphrase);
    assertThat(ids).contains(decoy);
    assertThat(ids.indexOf(decoy)).isGreaterThan(ids.indexOf(paraphrase));
  }

  @Test
  void hybridRecallFindsAnExactIdStringFirst() {
    String user = newUser();
    memorize(user, "Ticket INC-4712-XQ: the office printer jammed again");
    String exact = memorize(user, "Ticket INC-4711-XQ: the nightly backup failed");
    memorize(user, "Tickets for the concert are on sale next week");

    assertThat(recall(user, "INC-4711-XQ", 3)).first().isEqualTo(exact);
  }

  @Test
  void recallNeverAnswersAnotherUsersMemories() {
    String alice = newUser();
    String bob = newUser();
    memorize(alice, "Alice's passport number is stored in the blue folder");
    String bobs = memorize(bob, "Bob keeps his passport in the kitchen drawer");

    assertThat(recall(bob, "where is the passport", 10)).containsExactly(bobs);
  }

  @Test
  void metaFilterKeepsOnlyMemoriesWithThoseEntries() {
    String user = newUser();
    as(user)
        .body(
            Map.of(
                "content", "Deploy the web app with blue-green", "meta", Map.of("project", "web")))
        .post("/api/v1/memories")
        .then()
        .statusCode(201);
    String api =
        as(user)
            .body(
                Map.of("content", "Deploy the API with a canary", "meta", Map.of("project", "api")))
            .post("/api/v1/memories")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    List<String> ids =
        as(user)
            .body(Map.of("query", "how do we deploy", "filter", Map.of("project", "api")))
            .post("/api/v1/memories/recall")
            .then()
            .statusCode(200)
            .extract()
            .path("results.id");
    assertThat(ids).containsExactly(api);
  }

  @Test
  void topKOutsideOneToHundredIsABadRequest() {
    String user = newUser();
    for (int topK : new int[] {0, 101}) {
      as(user)
          .body(Map.of("query", "anything", "top_k", topK))
          .post("/api/v1/memories/recall")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", is("top_k"));
    }
  }

  @Test
  void filterThatIsNotAStringMapIsABadRequest() {
    as(newUser())
        .body(Map.of("query", "anything", "filter", List.of("project")))
        .post("/api/v1/memories/recall")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void recallStatementUsesTheModelsHnswIndex() {
    String user = newUser();
    memorize(user, "The HNSW index should serve this search");
    RecallQuery query =
        new RecallQuery(
            user,
            embeddings.modelName(),
            embeddings.embed("index"),
            "index",
            Map.of(),
            null,
            5,
            20,
            0.8);
    String plan =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  try (Connection connection = dataSource.getConnection();
                      Statement statement = connection.createStatement()) {
                    // On a few rows the planner rightly reads the owner's rows and sorts them;
                    // forbid that to see which index serves the ordered search on many rows.
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL enable_sort = off");
                  }
                  return recallRepository.explain(query);
                });

    assertThat(plan)
        .contains("Index Scan using " + VectorIndex.name(Embeddings.MINILM, 384))
        .doesNotContain("Seq Scan on memory_chunk");
  }

  private static List<String> recall(String user, String query, int topK) {
    return as(user)
        .body(Map.of("query", query, "top_k", topK))
        .post("/api/v1/memories/recall")
        .then()
        .statusCode(200)
        .extract()
        .path("results.id");
  }
}
