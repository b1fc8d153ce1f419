package dev.zoclone.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zoclone.bench.ask.AskBenchmark;
import dev.zoclone.bench.ask.SpawnAllBenchmark;
import dev.zoclone.bench.browser.BrowserBenchmark;
import dev.zoclone.bench.console.ConsoleBenchmark;
import dev.zoclone.bench.mcp.McpBenchmark;
import dev.zoclone.bench.memory.IngestBenchmark;
import dev.zoclone.bench.memory.RecallBenchmark;
import dev.zoclone.bench.pool.PoolBenchmark;
import dev.zoclone.bench.pool.PoolChaosBenchmark;
import dev.zoclone.bench.scheduler.SchedulerBenchmark;
import dev.zoclone.bench.skills.SkillsBenchmark;
import dev.zoclone.bench.supervisor.SupervisorBenchmark;
import dev.zoclone.bench.tracing.TracingCostBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the benchmarks named on the command line (all when none is), writes their figures to {@code
 * bench/results/<time>.json} and prints them as a Markdown table with the machine's cores and its
 * load before and during each benchmark.
 */
public final class BenchMain {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchMain() {}

  /** Every benchmark, in the order {@code bench/run} runs them. */
  static List<Benchmark> all() {
    return List.of(
        new AskBenchmark(),
        new SpawnAllBenchmark(),
        new RecallBenchmark(),
        new IngestBenchmark(),
        new PoolBenchmark(),
        new PoolChaosBenchmark(),
        new SkillsBenchmark(),
        new BrowserBenchmark(),
        new SupervisorBenchmark(),
        new ConsoleBenchmark(),
        new McpBenchmark(),
        new TracingCostBenchmark(),
        new SchedulerBenchmark());
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("jdk.internal.httpclient.debug").setLevel(Level.OFF);
    List<Benchmark> chosen = choose(args);
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    List<Map<String, Object>> runs = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    for (Benchmark benchmark : chosen) {
      runs.add(runOne(benchmark, figures));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("started", started.toString());
    report.put("cores", Machine.cores());
    report.put("java", System.getProperty("java.version"));
    report.put("benchmarks", runs);
    Path results = Path.of(System.getProperty("bench.results", "bench/results"));
    Files.createDirectories(results);
    Path file =
        results.resolve(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")) + ".json");
    JSON.writeValue(file.toFile(), report);
    System.out.println();
    System.out.print(MarkdownTable.of(runs, figures));
    System.out.println("\nwritten: " + file);
    boolean failed = runs.stream().anyMatch(run -> run.containsKey("error"));
    System.exit(failed ? 1 : 0);
  }

  private static Map<String, Object> runOne(Benchmark benchmark, List<Figure> figures) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("name", benchmark.name());
    run.put("load_before", Machine.load());
    long begin = System.nanoTime();
    System.out.printf("== %s (load %.2f)%n", benchmark.name(), Machine.load());
    try (LoadSampler load = new LoadSampler()) {
      List<Figure> measured = benchmark.run();
      run.put("figures", measured);
      figures.addAll(measured);
      run.put("load_max_during", load.highest());
    } catch (Exception e) {
      e.printStackTrace();
      run.put("error", String.valueOf(e));
    }
    run.put("seconds", Math.round((System.nanoTime() - begin) / 1e9));
    return run;
  }

  private static List<Benchmark> choose(String[] names) {
    if (names.length == 0) {
      return all();
    }
    List<Benchmark> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          all().stream()
              .filter(b -> b.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown benchmark "
                              + name
                              + "; one of "
                              + all().stream().map(Benchmark::name).toList())));
    }
    return chosen;
  }
}
