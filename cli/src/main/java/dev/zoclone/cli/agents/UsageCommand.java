package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zo usage [--since 7d]}: the caller's model calls and tokens per key and model, with a
 * total; with {@code --since}, per UTC day and model over those days.
 */
@Command(
    name = "usage",
    description = "Your model calls and tokens per key and model.",
    footer = {
      "%nExamples:",
      "  zo usage",
      "  zo usage --since 7d",
      "  zo usage --since 2026-11-01"
    })
public final class UsageCommand extends GatewayCommand {
  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Per UTC day since: Nd, Nw or a date (YYYY-MM-DD); today counts.")
  private String since;

  @Override
  protected int execute(GatewayClient gateway) {
    if (since != null) {
      return daily(gateway, UsageSince.days(since, LocalDate.now(ZoneOffset.UTC)));
    }
    GatewayResponse response = gateway.get("/api/v1/usage");
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    JsonNode rows = response.read(JsonNode.class).path("usage");
    if (rows.isEmpty()) {
      out().println("No model calls yet.");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable("KEY", "MODEL", "CALLS", "INPUT TOKENS", "OUTPUT TOKENS");
    long[] total = new long[3];
    for (JsonNode row : rows) {
      table.row(
          cells(counts(row, total), row.path("key_name").asText(), row.path("model").asText()));
    }
    if (rows.size() > 1) {
      table.row(cells(totals(total), "TOTAL", ""));
    }
    out().print(table.render());
    return ExitCodes.OK;
  }

  private int daily(GatewayClient gateway, int days) {
    GatewayResponse response = gateway.get("/api/v1/usage/daily?days=" + days);
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    JsonNode answer = response.read(JsonNode.class);
    String range = answer.path("from").asText() + " to " + answer.path("to").asText() + " (UTC)";
    JsonNode rows = answer.path("days");
    if (rows.isEmpty()) {
      out().println("No model calls from " + range + ".");
      return ExitCodes.OK;
    }
    out().println("From " + range + ":");
    TextTable table =
        new TextTable("DAY", "KEY", "MODEL", "CALLS", "INPUT TOKENS", "OUTPUT TOKENS");
    Map<String, long[]> perModel = new TreeMap<>();
    long[] total = new long[3];
    for (JsonNode row : rows) {
      String model = row.path("key_name").asText() + ":" + row.path("model").asText();
      counts(row, perModel.computeIfAbsent(model, m -> new long[3]));
      table.row(
          cells(
              counts(row, total),
              row.path("day").asText(),
              row.path("key_name").asText(),
              row.path("model").asText()));
    }
    out().print(table.render());
    out().println();
    TextTable models = new TextTable("MODEL", "CALLS", "INPUT TOKENS", "OUTPUT TOKENS");
    perModel.forEach((model, sums) -> models.row(cells(totals(sums), model)));
    if (perModel.size() > 1) {
      models.row(cells(totals(total), "TOTAL"));
    }
    out().print(models.render());
    return ExitCodes.OK;
  }

  /** The row's calls, input and output tokens as cells, added to {@code sums}. */
  private static String[] counts(JsonNode row, long[] sums) {
    String[] fields = {"calls", "input_tokens", "output_tokens"};
    String[] cells = new String[3];
    for (int i = 0; i < 3; i++) {
      long value = row.path(fields[i]).asLong();
      sums[i] += value;
      cells[i] = Long.toString(value);
    }
    return cells;
  }

  /** {@code lead} then {@code numbers}, as one row's cells. */
  private static String[] cells(String[] numbers, String... lead) {
    String[] cells = java.util.Arrays.copyOf(lead, lead.length + numbers.length);
    System.arraycopy(numbers, 0, cells, lead.length, numbers.length);
    return cells;
  }

  private static String[] totals(long[] sums) {
    return new String[] {Long.toString(sums[0]), Long.toString(sums[1]), Long.toString(sums[2])};
  }
}
