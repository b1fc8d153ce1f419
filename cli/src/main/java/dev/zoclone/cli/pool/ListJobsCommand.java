package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zo jobs ls [--status S]}: the caller's newest jobs, with when each was created. */
@Command(name = "ls", description = "List your newest jobs.")
public final class ListJobsCommand extends GatewayCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only jobs in this status, e.g. DEAD.")
  private String status;

  @Override
  protected int execute(GatewayClient gateway) {
    String query =
        status == null ? "" : "?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8);
    GatewayResponse response = gateway.get("/api/v1/jobs" + query);
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    Instant now = Instant.now();
    ZoneId zone = ZoneId.systemDefault();
    List<String> headers =
        new ArrayList<>(
            List.of("ID", "KIND", "STATUS", "PRIORITY", "ATTEMPTS", "NODE", "CREATED", "AGE"));
    if (wide()) {
      headers.addAll(List.of("FINISHED", "ERROR"));
    }
    TextTable table = new TextTable(headers.toArray(String[]::new));
    for (JsonNode job : response.read(JsonNode.class).path("jobs")) {
      String created = job.path("created_at").asText(null);
      List<String> cells =
          new ArrayList<>(
              List.of(
                  job.path("id").asText(),
                  job.path("kind").asText(),
                  job.path("status").asText(),
                  job.path("priority").asText(),
                  job.path("attempts").asInt() + "/" + job.path("max_attempts").asInt(),
                  job.path("node_id").asText(""),
                  Times.local(created, zone),
                  Times.age(created, now)));
      if (wide()) {
        cells.add(Times.local(job.path("finished_at").asText(null), zone));
        cells.add(job.path("error").asText(""));
      }
      table.row(cells.toArray(String[]::new));
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
