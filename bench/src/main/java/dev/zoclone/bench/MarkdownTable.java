package dev.zoclone.bench;

import java.util.List;
import java.util.Map;

/** The figures of a {@code bench/run} as the Markdown table docs/BENCHMARKS.md shows. */
final class MarkdownTable {
  private MarkdownTable() {}

  static String of(List<Map<String, Object>> runs, List<Figure> figures) {
    StringBuilder table = new StringBuilder();
    table.append(String.format("Machine: %d cores.%n%n", Machine.cores()));
    table.append("| benchmark | load before / max during | s |\n|---|---|---|\n");
    for (Map<String, Object> run : runs) {
      table.append(
          String.format(
              "| %s | %.1f / %s | %s |%n",
              run.get("name"),
              (Double) run.get("load_before"),
              run.containsKey("load_max_during")
                  ? String.format("%.1f", (Double) run.get("load_max_during"))
                  : "failed: " + run.get("error"),
              run.get("seconds")));
    }
    table.append("\n| benchmark | what | figure | target | met |\n|---|---|---|---|---|\n");
    for (Figure figure : figures) {
      table.append(
          String.format(
              "| %s | %s | %s %s | %s | %s |%n",
              figure.benchmark(),
              figure.what(),
              Figure.format(figure.value()),
              figure.unit(),
              figure.target(),
              figure.met() == null ? "" : figure.met() ? "yes" : "**no**"));
    }
    return table.toString();
  }
}
