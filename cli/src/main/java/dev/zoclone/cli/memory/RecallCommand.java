package dev.zoclone.cli.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.memory.RecallRequest;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo recall QUERY}: the caller's memories that best match, by meaning and by words. */
@Command(
    name = "recall",
    description = "Find memories by meaning.",
    footer = {"%nExample:", "  zo recall \"database\""})
public final class RecallCommand extends GatewayCommand {
  private static final int SHOWN_CHARS = 80;

  /** Why a best match can score 0.03: the scores are rank fusion, not a similarity in percent. */
  static final String SCORES_NOTE =
      "(scores fuse the ranks by meaning and by words: they order the results, and even the"
          + " best is a small number such as 0.03)";

  @Parameters(paramLabel = "QUERY", description = "What to look for.")
  private String query;

  @Option(
      names = {"-k", "--top-k"},
      paramLabel = "N",
      description = "How many memories, 1..100. Default: 5.")
  private Integer topK;

  @Option(
      names = "--filter",
      paramLabel = "KEY=VALUE",
      description = "Only memories with this metadata; repeatable.")
  private Map<String, String> filter;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        gateway.post("/api/v1/memories/recall", new RecallRequest(query, topK, filter));
    if (!printedAsJson(response)) {
      JsonNode results = response.read(JsonNode.class).path("results");
      if (results.isEmpty()) {
        out().println("No memories match.");
        return ExitCodes.OK;
      }
      TextTable table = new TextTable("RANK", "SCORE", "ID", "CONTENT");
      int rank = 0;
      for (JsonNode memory : results) {
        table.row(
            Integer.toString(++rank),
            String.format(Locale.ROOT, "%.4f", memory.path("score").asDouble()),
            memory.path("id").asText(),
            shorten(memory.path("content").asText()));
      }
      out().print(table.render());
      err().println(SCORES_NOTE);
    }
    return ExitCodes.OK;
  }

  static String shorten(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= SHOWN_CHARS ? line : line.substring(0, SHOWN_CHARS - 1) + "…";
  }
}
