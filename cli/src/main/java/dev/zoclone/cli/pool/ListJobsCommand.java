package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.Watch;
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

  @Option(
      names = {"-w", "--watch"},
      description = "Show the list again as it changes, until every job ends.")
  private boolean watch;

  @Override
  protected int execute(GatewayClient gateway) {
    String path =
        "/api/v1/jobs"
            + (status == null
                ? ""
                : "?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
    if (watch) {
      Watch.run(
          out(),
          () -> {
            GatewayResponse response = gateway.get(path);
            JsonNode jobs = response.read(JsonNode.class).path("jobs");
            boolean ended = true;
            for (JsonNode job : jobs) {
              ended &= EndedStatuses.JOBS.contains(job.path("status").asText());
            }
            String text = json() ? format(response) + "\n" : table(jobs);
            return new Watch.View(text, response.body(), ended);
          });
      return ExitCodes.OK;
    }
    GatewayResponse response = gateway.get(path);
    if (!printedAsJson(response)) {
      out().print(table(response.read(JsonNode.class).path("jobs")));
    }
    return ExitCodes.OK;
  }

  private String table(JsonNode jobs) {
    Instant now = Instant.now();
    ZoneId zone = ZoneId.systemDefault();
    List<String> headers =
        new ArrayList<>(
            List.of("ID", "KIND", "STATUS", "PRIORITY", "ATTEMPTS", "NODE", "CREATED", "AGE"));
    if (wide()) {
      headers.addAll(List.of("FINISHED", "ERROR"));
    }
    TextTable table = new TextTable(headers.toArray(String[]::new));
    for (JsonNode job : jobs) {
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
    return table.render();
  }
}
