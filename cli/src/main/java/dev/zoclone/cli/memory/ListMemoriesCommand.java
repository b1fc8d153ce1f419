package dev.zoclone.cli.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo memory ls}: a page of the caller's memories, newest first, each shortened. */
@Command(
    name = "ls",
    description = "List your memories, newest first.",
    footer = {"%nExamples:", "  zo memory ls", "  zo memory ls --kind document --limit 100"})
public final class ListMemoriesCommand extends GatewayCommand {
  @Option(names = "--limit", paramLabel = "N", description = "Page size, 1..200. Default: 50.")
  private Integer limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Where the last page ended.")
  private String cursor;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only memory (saved), document or message (chat turns).")
  private String kind;

  @Override
  protected int execute(GatewayClient gateway) {
    StringBuilder query = new StringBuilder();
    append(query, "limit", limit == null ? null : limit.toString());
    append(query, "cursor", cursor);
    append(query, "kind", kind);
    GatewayResponse response = gateway.get("/api/v1/memories" + query);
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    JsonNode page = response.read(JsonNode.class);
    if (page.path("memories").isEmpty()) {
      out().println(cursor == null ? "No memories yet." : "No more memories.");
      return ExitCodes.OK;
    }
    Instant now = Instant.now();
    ZoneId zone = ZoneId.systemDefault();
    TextTable table = new TextTable("ID", "KIND", "VERSION", "CREATED", "AGE", "CONTENT");
    for (JsonNode memory : page.path("memories")) {
      String created = memory.path("created_at").asText(null);
      String excerpt = memory.path("excerpt").asText("");
      boolean cut = memory.path("length").asInt() > excerpt.length();
      table.row(
          memory.path("id").asText(),
          memory.path("kind").asText(),
          memory.path("version").asText(),
          Times.local(created, zone),
          Times.age(created, now),
          wide() ? excerpt.replaceAll("\\s+", " ") + (cut ? "…" : "") : short40(excerpt, cut));
    }
    out().print(table.render());
    if (page.hasNonNull("next_cursor")) {
      out().println("More: zo memory ls --cursor " + page.get("next_cursor").asText());
    }
    return ExitCodes.OK;
  }

  private static String short40(String excerpt, boolean cut) {
    String line = excerpt.replaceAll("\\s+", " ").strip();
    return line.length() <= 40 && !cut
        ? line
        : line.substring(0, Math.min(39, line.length())) + "…";
  }

  private static void append(StringBuilder query, String name, String value) {
    if (value != null) {
      query.append(query.isEmpty() ? '?' : '&').append(name).append('=');
      query.append(GatewayClient.pathSegment(value));
    }
  }
}
