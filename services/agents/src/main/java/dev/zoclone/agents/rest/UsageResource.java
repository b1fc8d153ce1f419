package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.models.UsageService;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /api/v1/usage}: the caller's tokens per key and model, and per day. */
@Path("/api/v1/usage")
public class UsageResource {
  private static final int MAX_DAYS = 366;
  private final UsageService usage;
  private final CurrentCaller caller;

  public UsageResource(UsageService usage, CurrentCaller caller) {
    this.usage = usage;
    this.caller = caller;
  }

  /** One key and model's totals. */
  public record UsageRow(
      @JsonProperty("key_name") String keyName,
      String model,
      long calls,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens) {}

  /** Body of the answer. */
  public record UsageList(List<UsageRow> usage) {}

  /** One UTC day's tokens of one key and model. */
  public record DailyRow(
      String day,
      @JsonProperty("key_name") String keyName,
      String model,
      long calls,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens) {}

  /** The days asked for (from and to, UTC dates) and the rows of the days that had calls. */
  public record DailyUsage(String from, String to, List<DailyRow> days) {}

  @GET
  @Path("daily")
  @Operation(
      summary = "The caller's tokens per UTC day, key and model over the last days",
      description =
          "Days without a call have no row; days counts today, so days=1 is today only (1 to 366).")
  public DailyUsage daily(
      @Parameter(description = "How many days back, today included (1 to 366)")
          @QueryParam("days")
          @DefaultValue("30")
          int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ProblemException.badRequest("days", "must be between 1 and " + MAX_DAYS);
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    return new DailyUsage(
        first.toString(),
        today.toString(),
        usage.daily(caller.userId(), first).stream()
            .map(
                d ->
                    new DailyRow(
                        d.day(),
                        d.keyName(),
                        d.model(),
                        d.calls(),
                        d.inputTokens(),
                        d.outputTokens()))
            .toList());
  }

  @GET
  public UsageList usage() {
    return new UsageList(
        usage.totals(caller.userId()).stream()
            .map(
                t ->
                    new UsageRow(
                        t.keyName(), t.model(), t.calls(), t.inputTokens(), t.outputTokens()))
            .toList());
  }
}
