package dev.zoclone.cli.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo memory get ID}: one memory with its metadata and version. */
@Command(name = "get", description = "Show a memory.")
public final class GetMemoryCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The memory's id or a unique prefix of it.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.MEMORIES.call(
            gateway, id, m -> gateway.get("/api/v1/memories/" + GatewayClient.pathSegment(m)));
    if (!printedAsJson(response)) {
      JsonNode memory = response.read(JsonNode.class);
      out().println("Memory " + memory.path("id").asText());
      out().println("  version: " + memory.path("version").asInt());
      String updated = memory.path("updated_at").asText(null);
      out()
          .println(
              "  updated: "
                  + (updated == null
                      ? "-"
                      : Times.local(updated, ZoneId.systemDefault())
                          + " ("
                          + Times.age(updated, Instant.now())
                          + " ago)"));
      memory
          .path("meta")
          .fields()
          .forEachRemaining(e -> out().println("  " + e.getKey() + ": " + e.getValue().asText()));
      out().println();
      out().println(memory.path("content").asText());
    }
    return ExitCodes.OK;
  }
}
