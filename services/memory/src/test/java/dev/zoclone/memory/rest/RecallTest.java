package dev.zoclone.memory.rest;

import static dev.zoclone.memory.Callers.as;
import static dev.zoclone.memory.Callers.memorize;
import static dev.zoclone.memory.Callers.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.memory.repository.RecallQuery;
import dev.zoclone.memory.repository.RecallRepository;
import dev.zoclone.memory.service.Embeddings;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  void recallOfAnOwnerWithoutAnIndexOfTheirOwnIsExact() {
    String user = newUser();
    memorize(user, "Every chunk of this owner is compared with the query");
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
                    // Even with sorting discouraged no vector index may serve this owner: none
                    // spans all owners (inserting into one cost most of an ingest's time).
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL enable_sort = off");
                  }
                  return recallRepository.explain(query);
                });

    assertThat(plan)
        .contains("memory_chunk_owner_model")
        .doesNotContain("hnsw")
        .doesNotContain("Seq Scan on memory_chunk");
  }

  @Test
  void recallKeepsACustomPlanOnEveryRunOnOneConnection() {
    String user = newUser();
    String model = embeddings.modelName();
    // 3000 inserts into the HNSW graph take most of a minute on a loaded machine: more time than
    // a transaction's default 60 s for the seed alone.
    QuarkusTransaction.requiringNew()
        .timeout(600)
        .run(() -> execute(seedChunks(user, model, 3000)));
    RecallQuery query =
        new RecallQuery(user, model, embeddings.embed("seed"), "seed", Map.of(), null, 5, 20, 0.8);

    long[] plans =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // one transaction holds one connection: the driver prepares the statement on
                  // the server from its fifth run, and PostgreSQL may then choose a generic plan
                  for (int run = 0; run < 15; run++) {
                    assertThat(recallRepository.search(query)).hasSize(5);
                  }
                  return preparedRecallPlans();
                });

    assertThat(plans[0]).as("generic plans").isZero();
    assertThat(plans[1]).as("custom plans").isGreaterThanOrEqualTo(5);
  }

  private static String seedChunks(String user, String model, int count) {
    return "INSERT INTO memory (id, owner, content) SELECT '%1$s-m' || g, '%1$s', 'seed ' || g FROM generate_series(1, %3$d) g;"
            .formatted(user, model, count)
        + " INSERT INTO memory_chunk (memory_id, owner, seq, content, model, embedding)"
        + " SELECT '%1$s-m' || g, '%1$s', 0, 'seed chunk ' || g, '%2$s',".formatted(user, model)
        + " (SELECT array_agg(random() - 0.5)::float4[] FROM generate_series(1, 384) WHERE g > 0)"
        + "::public.vector FROM generate_series(1, %d) g".formatted(count);
  }

  private void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long[] preparedRecallPlans() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
                    + " FROM pg_prepared_statements WHERE statement LIKE 'WITH vec AS%'")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
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
