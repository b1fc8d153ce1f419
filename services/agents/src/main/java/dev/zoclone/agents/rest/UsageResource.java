package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.service.UsageService;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** {@code GET /api/v1/usage}: the caller's tokens per key and model. */
@Path("/api/v1/usage")
public class UsageResource {
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
