package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.runs.AgentRunHistory;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /api/v1/agents/runs}: the caller's agent runs history, newest first. */
@Path("/api/v1/agents/runs")
@Produces(MediaType.APPLICATION_JSON)
public class AgentRunsResource {
  private final AgentRunHistory history;
  private final CurrentCaller caller;

  public AgentRunsResource(AgentRunHistory history, CurrentCaller caller) {
    this.history = history;
    this.caller = caller;
  }

  /** One run in the history; its output is read with {@code GET /api/v1/agents/{id}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunRow(
      String id,
      String status,
      @JsonProperty("prompt_excerpt") String promptExcerpt,
      @JsonProperty("model_name") String modelName,
      String error,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("started_at") Instant startedAt,
      @JsonProperty("finished_at") Instant finishedAt,
      @JsonProperty("duration_ms") Long durationMs) {}

  /** A page of runs. */
  public record RunList(
      List<RunRow> runs,
      @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

  @GET
  @Operation(
      summary = "The caller's agent runs, newest first, a page at a time",
      description =
          "Each run without its output (GET /api/v1/agents/{id} has it); next_cursor is the"
              + " cursor of the next page, null on the last.")
  public RunList list(
      @Parameter(description = "Only runs in this status (QUEUED, RUNNING, SUCCEEDED, ...)")
          @QueryParam("status")
          String status,
      @Parameter(description = "Runs per page, 1 to 100") @QueryParam("limit") @DefaultValue("20")
          int limit,
      @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor")
          String cursor) {
    AgentRunHistory.Page page =
        history.page(caller.userId(), blankToNull(status), limit, blankToNull(cursor));
    return new RunList(
        page.runs().stream()
            .map(
                r ->
                    new RunRow(
                        r.id(),
                        r.status(),
                        r.promptExcerpt(),
                        r.modelName(),
                        r.error(),
                        r.createdAt(),
                        r.startedAt(),
                        r.finishedAt(),
                        r.durationMs()))
            .toList(),
        page.nextCursor());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
