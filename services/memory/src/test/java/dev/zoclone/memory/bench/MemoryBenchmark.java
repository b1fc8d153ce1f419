package dev.zoclone.memory.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.zoclone.testing.infra.LocalInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Prints the memory engine's figures: embedding throughput (one at a time and batched), then, on a
 * fresh database of the local PostgreSQL, query-embedding and HNSW search latency p50/p95 and
 * recall@10 of the HNSW search against exact search, for each corpus size given (default 10000).
 *
 * <p>Run: {@code mvn -o -q -pl services/memory test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=dev.zoclone.memory.bench.MemoryBenchmark -Dexec.classpathScope=test
 * -Dexec.args="10000 100000"}. The first 10,000 documents are real MiniLM embeddings of generated
 * sentences; beyond that, vectors are those embeddings with Gaussian noise (embedding 100k texts
 * would take minutes on 2 cores), which keeps the distribution of real sentence vectors.
 */
public final class MemoryBenchmark {
  private static final int QUERIES = 200;
  private static final int K = 10;
  private static final String[] SUBJECTS = {
    "the database",
    "our SQL server",
    "the backup job",
    "the garden",
    "my dentist",
    "the car",
    "the invoice",
    "the team standup",
    "the flight to Oslo",
    "the printer",
    "the wifi router",
    "grandma's recipe",
    "the book club",
    "the tax return",
    "the marathon",
    "the cat"
  };
  private static final String[] VERBS = {
    "needs attention on",
    "was moved to",
    "failed again on",
    "is scheduled for",
    "was fixed on",
    "costs more since",
    "got cancelled for",
    "is discussed every",
    "was renewed on"
  };
  private static final String[] WHEN = {
    "Monday",
    "Tuesday morning",
    "the first of May",
    "next week",
    "the weekend",
    "Friday night",
    "the end of the quarter",
    "every second Thursday",
    "the holidays",
    "noon"
  };

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        args.length == 0
            ? new int[] {10_000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
    System.out.printf(
        Locale.ROOT,
        "cores=%d, model=all-minilm-l6-v2%n",
        Runtime.getRuntime().availableProcessors());
    throughput(model);
    int realCount = Math.min(10_000, Arrays.stream(sizes).max().orElse(10_000));
    List<float[]> real = embedAll(model, sentences(realCount, 1));
    for (int size : sizes) {
      search(model, real, size);
    }
  }

  private static void throughput(EmbeddingModel model) {
    List<String> warm = sentences(64, 7);
    model.embedAll(segments(warm));
    List<String> single = sentences(300, 2);
    long start = System.nanoTime();
    for (String text : single) {
      model.embed(text);
    }
    double singleRate = single.size() / seconds(start);
    List<String> batched = sentences(2_000, 3);
    start = System.nanoTime();
    embedAll(model, batched);
    double batchedRate = batched.size() / seconds(start);
    System.out.printf(
        Locale.ROOT,
        "embedding throughput: single %.0f sentences/s, batched(64) %.0f sentences/s%n",
        singleRate,
        batchedRate);
  }

  private static void search(EmbeddingModel model, List<float[]> real, int size)
      throws SQLException {
    String url = LocalInfra.createDatabase();
    try (Connection db =
        DriverManager.getConnection(url, LocalInfra.DB_USER, LocalInfra.DB_PASSWORD)) {
      try (Statement ddl = db.createStatement()) {
        ddl.execute(
            "CREATE TABLE chunk (id integer PRIMARY KEY, owner text NOT NULL, model text NOT NULL,"
                + " embedding public.vector(384) NOT NULL)");
      }
      Random noise = new Random(42);
      long start = System.nanoTime();
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO chunk (id, owner, model, embedding) VALUES (?, 'bench', 'm', ?::vector)")) {
        for (int i = 0; i < size; i++) {
          float[] vector = i < real.size() ? real.get(i) : jitter(real.get(i % real.size()), noise);
          insert.setInt(1, i);
          insert.setString(2, literal(vector));
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      db.commit();
      double loadS = seconds(start);
      start = System.nanoTime();
      try (Statement ddl = db.createStatement()) {
        ddl.execute("SET maintenance_work_mem = '256MB'");
        ddl.execute("CREATE INDEX ON chunk USING hnsw (embedding public.vector_cosine_ops)");
        ddl.execute("ANALYZE chunk");
      }
      db.commit();
      double indexS = seconds(start);

      List<String> queries = sentences(QUERIES, 99);
      long[] embedNs = new long[QUERIES];
      long[] searchNs = new long[QUERIES];
      long[] exactNs = new long[QUERIES];
      double recallSum = 0;
      for (int q = 0; q < QUERIES; q++) {
        long t = System.nanoTime();
        String vector = literal(model.embed(queries.get(q)).content().vector());
        embedNs[q] = System.nanoTime() - t;
        t = System.nanoTime();
        List<Integer> approx = nearest(db, vector, false);
        searchNs[q] = System.nanoTime() - t;
        t = System.nanoTime();
        List<Integer> exact = nearest(db, vector, true);
        exactNs[q] = System.nanoTime() - t;
        Set<Integer> truth = new HashSet<>(exact);
        recallSum += approx.stream().filter(truth::contains).count() / (double) K;
      }
      System.out.printf(
          Locale.ROOT,
          "n=%d: load %.1fs, HNSW build %.1fs; query embedding p50 %.1f ms p95 %.1f ms;"
              + " HNSW search p50 %.1f ms p95 %.1f ms; exact search p50 %.1f ms;"
              + " recall@10 HNSW vs exact %.3f%n",
          size,
          loadS,
          indexS,
          ms(percentile(embedNs, 50)),
          ms(percentile(embedNs, 95)),
          ms(percentile(searchNs, 50)),
          ms(percentile(searchNs, 95)),
          ms(percentile(exactNs, 50)),
          recallSum / QUERIES);
    } finally {
      LocalInfra.dropDatabase(url);
    }
  }

  /** The search the service runs (owner and model filter, ef_search 100, iterative scan). */
  private static List<Integer> nearest(Connection db, String vector, boolean exact)
      throws SQLException {
    try (Statement set = db.createStatement()) {
      set.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
      set.execute("SET LOCAL hnsw.ef_search = 100");
      set.execute("SET LOCAL enable_indexscan = " + (exact ? "off" : "on"));
    }
    List<Integer> ids = new ArrayList<>(K);
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id FROM chunk WHERE owner = 'bench' AND model = 'm'"
                + " ORDER BY embedding <=> ?::vector LIMIT "
                + K)) {
      select.setString(1, vector);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
    }
    db.commit();
    return ids;
  }

  private static List<float[]> embedAll(EmbeddingModel model, List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += 64) {
      for (Embedding e :
          model
              .embedAll(segments(texts.subList(from, Math.min(texts.size(), from + 64))))
              .content()) {
        vectors.add(e.vector());
      }
    }
    return vectors;
  }

  private static List<TextSegment> segments(List<String> texts) {
    return texts.stream().map(TextSegment::from).toList();
  }

  private static List<String> sentences(int count, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(
          pick(random, SUBJECTS)
              + " "
              + pick(random, VERBS)
              + " "
              + pick(random, WHEN)
              + ", note "
              + random.nextInt(100_000));
    }
    return texts;
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static float[] jitter(float[] vector, Random random) {
    float[] copy = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      copy[i] = vector[i] + (float) (random.nextGaussian() * 0.02);
    }
    return copy;
  }

  private static String literal(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 10).append('[');
    for (int i = 0; i < vector.length; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append(']').toString();
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
