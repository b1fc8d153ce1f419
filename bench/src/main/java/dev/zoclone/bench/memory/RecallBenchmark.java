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
 * in all, 100), {@code bench.recall.queries} (200 per user).
 */
public final class RecallBenchmark implements Benchmark {
  private static final int K = 10;
  private static final int BASES = 300;

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
    List<Figure> figures = new ArrayList<>();
    try (LocalPlatform platform = LocalPlatform.start("memory")) {
      Stack stack = new Stack(platform);
      User seed = platform.newUser("recall-seed");
      List<String> sentences = EverydaySentences.generate(BASES, 11);
      for (String sentence : sentences) {
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
        String model = modelOf(sql, seed.id());
        SyntheticCorpus corpus = new SyntheticCorpus(sql, bases, model);
        String index = corpus.dropIndex();
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
        long buildBegin = System.nanoTime();
        corpus.rebuild(index);
        figures.add(
            Figure.of(
                name(),
                "corpus: " + total + " chunks of " + owners + " users, written in",
                loadSeconds,
                "s"));
        figures.add(
            Figure.of(
                name(),
                "HNSW index built over the corpus in",
                (System.nanoTime() - buildBegin) / 1e9,
                "s"));

        for (Map.Entry<Integer, User> entry : measured.entrySet()) {
          User user = entry.getValue();
          var client = stack.client(user.token());
          Load.run(
              20, 1, i -> client.post("/api/v1/memories/recall", recall(sentences.get(i % BASES))));
          Load.Result timed =
              Load.run(
                  queries,
                  1,
                  i ->
                      expectOk(
                          client.post(
                              "/api/v1/memories/recall", recall(sentences.get(i % BASES)))));
          double recall = 0;
          for (int q = 0; q < queries; q++) {
            String text = sentences.get(q % BASES);
            JsonNode answer =
                stack.call(user.token(), "POST", "/api/v1/memories/recall", recall(text));
            Set<String> found = new HashSet<>();
            answer.path("results").forEach(r -> found.add(r.path("id").asText()));
            Set<String> exact = exact(sql, user.id(), model, bases.get(q % BASES));
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
              Figure.atLeast(name(), "recall@10 vs exact, " + who, recall / queries, "", 0.95));
        }
      }
    }
    return figures;
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
