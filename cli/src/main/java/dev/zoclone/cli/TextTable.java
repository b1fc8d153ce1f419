package dev.zoclone.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plain-text columns, left-aligned and two spaces apart, the way every listing prints. */
public final class TextTable {
  private static final String GAP = "  ";
  private static final String EMPTY_CELL = "-";

  private final List<String[]> rows = new ArrayList<>();

  public TextTable(String... headers) {
    rows.add(headers.clone());
  }

  /** Adds a row; a null or blank cell prints as {@code -}. */
  public TextTable row(String... cells) {
    rows.add(
        Arrays.stream(cells)
            .map(c -> c == null || c.isBlank() ? EMPTY_CELL : c)
            .toArray(String[]::new));
    return this;
  }

  /** The header and rows, one per line, each line ending in a newline. */
  public String render() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : GAP).append(String.format("%-" + widths[i] + "s", row[i]));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
