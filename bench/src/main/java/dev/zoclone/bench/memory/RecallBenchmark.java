package dev.zoclone.bench.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Load;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.LocalPlatform.User;
import dev.zoclone.testing.bench.EverydaySentences;
import dev.zoclone.testing.infra.LocalInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recall as a user meets it, {@code POST /api/v1/memories/recall} through the gateway, for users
 * with different amounts of their own data among many users' chunks: p50 and p95 at concurrency 1
 * for each user, and recall@10 of the answers against an exact search of that user's vectors.
 *
 * <p>The corpus is {@link SyntheticCorpus}: real sentence vectors embedded by the running memory
 * service, plus noise. Sizes: {@code bench.recall.sizes} (chunks of each measured user, {@code
 * 1000,10000}), {@code bench.recall.total} (all chunks, 100000), {@code bench.recall.users} (owners
 * in all, 100), {@code bench.recall.queries} (200 per user), {@code bench.recall.checked} (of
 * those, how many are compared with an exact search for recall@10; all by default: an exact search
 * of a large user is a sequential scan of seconds).
 */
public final class RecallBenchmark implements Benchmark {
  private static final int K = 10;
  private static final int BASES = 300;

  /** The memory service's {@code zo.memory.recall.owner-index-min-chunks} default. */
  private static final int OWNER_INDEX_MIN_CHUNKS = 2000;

  private static final Duration OWNER_INDEX_WAIT = Duration.ofMinutes(60);

  @Override
  public String name() {
    return "recall";
  }

  @Override
  public List<Figure> run() throws Exception {
    int[] sizes =
        Arrays.stream(System.getProperty("bench.recall.sizes", "1000,10000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int total = size("total", 100_000);
    int owners = size("users", 100);
    int queries = size("queries", 200);
    int checked = Math.min(queries, size("checked", queries));
    List<Figure> figures = new ArrayList<>();
    try (LocalPlatform platform = Stack.platform("memory").start()) {
      Stack stack = new Stack(platform);
      User seed = platform.newUser("recall-seed");
      for (String sentence : EverydaySentences.generate(BASES, 11)) {
        stack.call(seed.token(), "POST", "/api/v1/memories", "{\"content\":\"" + sentence + "\"}");
      }
      Map<Integer, User> measured = new LinkedHashMap<>();
      for (int size : sizes) {
        measured.put(size, platform.newUser("recall-" + size));
      }
      String url = platform.databaseUrl() + "?currentSchema=memory,public";
      try (Connection sql =
          DriverManager.getConnection(url, LocalInfra.DB_USER, LocalInfra.DB_PASSWORD)) {
        List<float[]> bases = SyntheticCorpus.vectorsOf(sql, seed.id());
        // The texts in the same order as their vectors: memory drops a near-duplicate sentence,
        // so the generated list and the stored vectors need not line up.
        List<String> sentences = textsOf(sql, seed.id());
        int distinct = bases.size();
        String model = modelOf(sql, seed.id());
        SyntheticCorpus corpus = new SyntheticCorpus(sql, bases, model);
        long loadBegin = System.nanoTime();
        int measuredChunks = 0;
        for (Map.Entry<Integer, User> user : measured.entrySet()) {
          corpus.add(user.getValue().id(), user.getKey());
          measuredChunks += user.getKey();
        }
        int fillers = Math.max(1, owners - measured.size() - 1);
        int rest = Math.max(0, total - measuredChunks - BASES);
        for (int f = 0; f < fillers; f++) {
          corpus.add("filler-" + f, rest / fillers + (f < rest % fillers ? 1 : 0));
        }
        double loadSeconds = (System.nanoTime() - loadBegin) / 1e9;
        corpus.analyze();
        figures.add(
            Figure.of(
                name(),
                "corpus: " + total + " chunks of " + owners + " users, written in",
                loadSeconds,
                "s"));
        long ownersBegin = System.nanoTime();
        int ownerIndexes = awaitOwnerIndexes(sql, model);
        figures.add(
            Figure.of(
                name(),
                "then the memory service's "
                    + ownerIndexes
                    + " owner indexes (owners with ≥ "
                    + OWNER_INDEX_MIN_CHUNKS
                    + " chunks) ready in",
                (System.nanoTime() - ownersBegin) / 1e9,
                "s"));

        for (Map.Entry<Integer, User> entry : measured.entrySet()) {
          User user = entry.getValue();
          var client = stack.client(user.token());
          Load.run(
              20,
              1,
              i -> client.post("/api/v1/memories/recall", recall(sentences.get(i % distinct))));
          Load.Result timed =
              Load.run(
                  queries,
                  1,
                  i ->
                      expectOk(
                          client.post(
                              "/api/v1/memories/recall", recall(sentences.get(i % distinct)))));
          double recall = 0;
          for (int q = 0; q < checked; q++) {
            String text = sentences.get(q % distinct);
            JsonNode answer =
                stack.call(user.token(), "POST", "/api/v1/memories/recall", recall(text));
            Set<String> found = new HashSet<>();
            answer.path("results").forEach(r -> found.add(r.path("id").asText()));
            Set<String> exact = exact(sql, user.id(), model, bases.get(q % distinct));
            found.retainAll(exact);
            recall += exact.isEmpty() ? 1 : (double) found.size() / exact.size();
          }
          String who = "user with " + entry.getKey() + " chunks among " + total;
          figures.add(
              Figure.atMost(
                  name(),
                  "recall p50, " + who + " (p95 " + Figure.format(timed.latencies().p95()) + " ms)",
                  timed.latencies().p50(),
                  "ms",
                  10));
          figures.add(
              Figure.atLeast(
                  name(),
                  "recall@10 vs exact (" + checked + " queries), " + who,
                  recall / checked,
                  "",
                  0.95));
        }
      }
    }
    return figures;
  }

  /**
   * Waits until every owner with at least {@link #OWNER_INDEX_MIN_CHUNKS} chunks has the HNSW index
   * of their own that the memory service builds in the background (so none is built while recall is
   * timed); answers how many there are.
   */
  private static int awaitOwnerIndexes(Connection sql, String model) throws Exception {
    long deadline = System.nanoTime() + OWNER_INDEX_WAIT.toNanos();
    while (true) {
      int heavy =
          count(
              sql,
              "SELECT count(*) FROM (SELECT owner FROM memory_chunk WHERE model = '"
                  + model.replace("'", "''")
                  + "' GROUP BY owner HAVING count(*) >= "
                  + OWNER_INDEX_MIN_CHUNKS
                  + ") o");
      int ready =
          count(
              sql,
              "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                  + " WHERE i.indrelid = 'memory_chunk'::regclass AND i.indisvalid"
                  + " AND c.relname LIKE 'memory\\_chunk\\_hnsw\\_o\\_%'");
      if (ready >= heavy) {
        return ready;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            ready + " of " + heavy + " owner indexes after " + OWNER_INDEX_WAIT);
      }
      Thread.sleep(2_000);
    }
  }

  private static int count(Connection sql, String select) throws Exception {
    try (Statement statement = sql.createStatement();
        ResultSet rs = statement.executeQuery(select)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The content of every chunk {@code owner} has stored, in the order of their vectors. */
  private static List<String> textsOf(Connection sql, String owner) throws Exception {
    try (PreparedStatement select =
        sql.prepareStatement("SELECT content FROM memory_chunk WHERE owner = ? ORDER BY id")) {
      select.setString(1, owner);
      List<String> texts = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          texts.add(rs.getString(1));
        }
      }
      return texts;
    }
  }

  private static String modelOf(Connection sql, String owner) throws Exception {
    try (PreparedStatement select =
        sql.prepareStatement("SELECT model FROM memory_chunk WHERE owner = ? LIMIT 1")) {
      select.setString(1, owner);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("the seed memories were not embedded");
        }
        return rs.getString(1);
      }
    }
  }

  /** The memories of {@code owner} nearest to {@code vector} by an exact scan. */
  private static Set<String> exact(Connection sql, String owner, String model, float[] vector)
      throws Exception {
    try (Statement set = sql.createStatement()) {
      set.execute("SET enable_indexscan = off");
    }
    StringBuilder literal = new StringBuilder("[");
    for (int d = 0; d < vector.length; d++) {
      literal.append(d == 0 ? "" : ",").append(vector[d]);
    }
    try (PreparedStatement select =
        sql.prepareStatement(
            "SELECT memory_id FROM memory_chunk WHERE owner = ? AND model = ?"
                + " ORDER BY embedding <=> ?::vector LIMIT "
                + K)) {
      select.setString(1, owner);
      select.setString(2, model);
      select.setString(3, literal.append(']').toString());
      Set<String> ids = new HashSet<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  private static String recall(String query) {
    return "{\"query\":\"" + query + "\",\"top_k\":" + K + "}";
  }

  private static String expectOk(dev.zoclone.testing.bench.PlainHttp.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException(
          "recall answered " + response.status() + ": " + response.body());
    }
    return response.body();
  }
}
