package dev.zoclone.memory.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.zoclone.memory.service.BatchedMiniLm;
import dev.zoclone.testing.bench.EverydaySentences;
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
import java.util.function.Function;

/**
 * Prints the memory engine's figures: embedding throughput (one at a time and batched) of
 * LangChain4j's model, of the service's batched inference and of the quantized variant; then, on a
 * fresh database of the local PostgreSQL, query-embedding latency, and for each way of indexing the
 * vectors its build time, HNSW search p50/p95 and recall@10 against exact search at ef_search 40
 * and 100, with the plan, for each corpus size given (default 10000).
 *
 * <p>Run: {@code ./mvnw -o -q -pl services/memory test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test} then {@code java -cp
 * services/memory/target/test-classes:services/memory/target/classes:$(cat
 * services/memory/target/cp.txt) dev.zoclone.memory.bench.MemoryBenchmark 10000 100000}. The first
 * 10,000 documents are real MiniLM embeddings of generated sentences; beyond that, vectors are
 * those embeddings with Gaussian noise (embedding 100k texts would take minutes on 2 cores), which
 * keeps the distribution of real sentence vectors.
 */
public final class MemoryBenchmark {
  private static final int QUERIES = 200;
  private static final int K = 10;

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        args.length == 0
            ? new int[] {10_000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "cores=%d%n", cores);
    EmbeddingModel langchain4j = new AllMiniLmL6V2EmbeddingModel();
    throughput(
        "all-minilm-l6-v2, LangChain4j embed/embedAll",
        text -> langchain4j.embed(text).content().vector(),
        texts -> vectors(langchain4j.embedAll(segments(texts)).content()));
    BatchedMiniLm service =
        new BatchedMiniLm(
            "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", cores, UNUSED);
    throughput(
        "all-minilm-l6-v2, one ONNX inference per batch (the service)",
        text -> service.embedAll(List.of(text), 1).get(0),
        texts -> service.embedAll(texts, BATCH));
    try (BatchedMiniLm quantized =
        new BatchedMiniLm(
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", cores, UNUSED)) {
      throughput(
          "all-minilm-l6-v2-q, one ONNX inference per batch",
          text -> quantized.embedAll(List.of(text), 1).get(0),
          texts -> quantized.embedAll(texts, BATCH));
    }
    int realCount = Math.min(10_000, Arrays.stream(sizes).max().orElse(10_000));
    List<float[]> real = service.embedAll(EverydaySentences.generate(realCount, 1), BATCH);
    for (int size : sizes) {
      search(text -> service.embedAll(List.of(text), 1).get(0), real, size);
    }
  }

  private static final int BATCH = 64;
  private static final Function<String, float[]> UNUSED =
      text -> {
        throw new IllegalStateException("no benchmark text is over 512 tokens");
      };

  private static void throughput(
      String name, Function<String, float[]> one, Function<List<String>, List<float[]>> many) {
    many.apply(EverydaySentences.generate(BATCH, 7)); // warm-up
    List<String> single = EverydaySentences.generate(300, 2);
    long start = System.nanoTime();
    for (String text : single) {
      one.apply(text);
    }
    double singleRate = single.size() / seconds(start);
    List<String> batched = EverydaySentences.generate(2_000, 3);
    start = System.nanoTime();
    for (int from = 0; from < batched.size(); from += BATCH) {
      many.apply(batched.subList(from, Math.min(batched.size(), from + BATCH)));
    }
    double batchedRate = batched.size() / seconds(start);
    System.out.printf(
        Locale.ROOT,
        "embedding throughput, %s: single %.0f sentences/s, batched(%d) %.0f sentences/s%n",
        name,
        singleRate,
        BATCH,
        batchedRate);
  }

  private static List<float[]> vectors(List<Embedding> embeddings) {
    return embeddings.stream().map(Embedding::vector).toList();
  }

  /** One way of indexing the vectors, and the search the service would run against it. */
  private record Variant(String name, String index, String orderBy, String where) {}

  private static final List<Variant> VARIANTS =
      List.of(
          new Variant(
              "vector(384) HNSW on the column, owner+model filtered after the scan",
              "CREATE INDEX chunk_hnsw ON chunk USING hnsw"
                  + " ((embedding::public.vector(384)) public.vector_cosine_ops)",
              "embedding::public.vector(384) <=> ?::public.vector(384)",
              "owner = 'bench' AND model = 'm'"),
          new Variant(
              "halfvec(384) partial HNSW per model, pgvector defaults (m 16, ef_construction 64)",
              "CREATE INDEX chunk_hnsw ON chunk USING hnsw"
                  + " ((embedding::public.halfvec(384)) public.halfvec_cosine_ops) WHERE model = 'm'",
              "embedding::public.halfvec(384) <=> ?::public.halfvec(384)",
              "owner = 'bench' AND model = 'm'"),
          new Variant(
              "halfvec(384) partial HNSW per model, m 24, ef_construction 128 (the service)",
              "CREATE INDEX chunk_hnsw ON chunk USING hnsw"
                  + " ((embedding::public.halfvec(384)) public.halfvec_cosine_ops)"
                  + " WITH (m = 24, ef_construction = 128) WHERE model = 'm'",
              "embedding::public.halfvec(384) <=> ?::public.halfvec(384)",
              "owner = 'bench' AND model = 'm'"));

  private static final int[] EF_SEARCH = {40, 100, 200};

  private static void search(Function<String, float[]> embed, List<float[]> real, int size)
      throws SQLException {
    String url = LocalInfra.createDatabase();
    try (Connection db =
        DriverManager.getConnection(url, LocalInfra.DB_USER, LocalInfra.DB_PASSWORD)) {
      try (Statement ddl = db.createStatement()) {
        ddl.execute(
            "CREATE TABLE chunk (id integer PRIMARY KEY, owner text NOT NULL, model text NOT NULL,"
                + " embedding public.vector NOT NULL)");
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

      List<String> queries = EverydaySentences.generate(QUERIES, 99);
      long[] embedNs = new long[QUERIES];
      List<String> vectors = new ArrayList<>(QUERIES);
      for (int q = 0; q < QUERIES; q++) {
        long t = System.nanoTime();
        vectors.add(literal(embed.apply(queries.get(q))));
        embedNs[q] = System.nanoTime() - t;
      }
      System.out.printf(
          Locale.ROOT,
          "n=%d: load %.1fs; query embedding (single) p50 %.1f ms p95 %.1f ms%n",
          size,
          loadS,
          ms(percentile(embedNs, 50)),
          ms(percentile(embedNs, 95)));
      Variant exactVariant = VARIANTS.get(0);
      long[] exactNs = new long[QUERIES];
      List<Set<Integer>> truth = new ArrayList<>(QUERIES);
      for (int q = 0; q < QUERIES; q++) {
        long t = System.nanoTime();
        truth.add(new HashSet<>(nearest(db, exactVariant, vectors.get(q), 0)));
        exactNs[q] = System.nanoTime() - t;
      }
      System.out.printf(
          Locale.ROOT, "n=%d: exact search p50 %.1f ms%n", size, ms(percentile(exactNs, 50)));
      for (Variant variant : VARIANTS) {
        start = System.nanoTime();
        try (Statement ddl = db.createStatement()) {
          ddl.execute("SET maintenance_work_mem = '512MB'");
          ddl.execute(variant.index());
          ddl.execute("ANALYZE chunk");
        }
        db.commit();
        double indexS = seconds(start);
        for (int ef : EF_SEARCH) {
          nearest(db, variant, vectors.get(0), ef); // warm the plan
          long[] searchNs = new long[QUERIES];
          double recallSum = 0;
          for (int q = 0; q < QUERIES; q++) {
            long t = System.nanoTime();
            List<Integer> approx = nearest(db, variant, vectors.get(q), ef);
            searchNs[q] = System.nanoTime() - t;
            Set<Integer> exact = truth.get(q);
            recallSum += approx.stream().filter(exact::contains).count() / (double) K;
          }
          System.out.printf(
              Locale.ROOT,
              "n=%d, %s (build %.1fs), ef_search %d: search p50 %.1f ms p95 %.1f ms,"
                  + " recall@10 vs exact %.3f%n",
              size,
              variant.name(),
              indexS,
              ef,
              ms(percentile(searchNs, 50)),
              ms(percentile(searchNs, 95)),
              recallSum / QUERIES);
        }
        System.out.print(explain(db, variant, vectors.get(0)));
        try (Statement ddl = db.createStatement()) {
          ddl.execute("DROP INDEX chunk_hnsw");
        }
        db.commit();
      }
    } finally {
      LocalInfra.dropDatabase(url);
    }
  }

  private static String explain(Connection db, Variant variant, String vector) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement set = db.createStatement()) {
      set.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
      set.execute("SET LOCAL hnsw.ef_search = 40");
    }
    try (PreparedStatement select =
        db.prepareStatement(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM chunk WHERE "
                + variant.where()
                + " ORDER BY "
                + variant.orderBy()
                + " LIMIT "
                + K)) {
      select.setString(1, vector);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String line = rs.getString(1);
          // The query vector makes a line thousands of characters long.
          plan.append("    ")
              .append(line.length() > 160 ? line.substring(0, 160) + "…" : line)
              .append('\n');
        }
      }
    }
    db.commit();
    return plan.toString();
  }

  /**
   * The variant's search with the service's settings (iterative scan, {@code ef} candidates), or
   * the exact answer by a sequential scan when {@code ef} is 0.
   */
  private static List<Integer> nearest(Connection db, Variant variant, String vector, int ef)
      throws SQLException {
    try (Statement set = db.createStatement()) {
      set.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
      set.execute("SET LOCAL hnsw.ef_search = " + Math.max(ef, 40));
      set.execute("SET LOCAL enable_indexscan = " + (ef == 0 ? "off" : "on"));
    }
    List<Integer> ids = new ArrayList<>(K);
    // A sequential scan evaluates a generic plan's parameter cast on every row (parsing the vector
    // 100k times): the exact search gets the vector as a literal instead.
    String orderBy =
        ef == 0 ? variant.orderBy().replace("?", "'" + vector + "'") : variant.orderBy();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id FROM chunk WHERE "
                + variant.where()
                + " ORDER BY "
                + orderBy
                + " LIMIT "
                + K)) {
      if (ef != 0) {
        select.setString(1, vector);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
    }
    db.commit();
    return ids;
  }

  private static List<TextSegment> segments(List<String> texts) {
    return texts.stream().map(TextSegment::from).toList();
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
