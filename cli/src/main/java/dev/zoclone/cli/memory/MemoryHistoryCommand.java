package dev.zoclone.cli.memory;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.memory.MemoryHistory;
import dev.zoclone.contract.memory.MemoryVersion;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo memory history ID}: a memory's earlier versions, as each was replaced. */
@Command(name = "history", description = "Show a memory's earlier versions.")
public final class MemoryHistoryCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The memory's id or a unique prefix of it.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.MEMORIES.call(
            gateway,
            id,
            m -> gateway.get("/api/v1/memories/" + GatewayClient.pathSegment(m) + "/history"));
    if (printedAsJson(response)) {
      return ExitCodes.OK;
    }
    MemoryHistory history = response.read(MemoryHistory.class);
    if (history.versions() == null || history.versions().isEmpty()) {
      out().println("Memory " + history.id() + " was never updated.");
      return ExitCodes.OK;
    }
    ZoneId zone = ZoneId.systemDefault();
    TextTable table = new TextTable("VERSION", "REPLACED AT", "CONTENT");
    for (MemoryVersion version : history.versions()) {
      table.row(
          Integer.toString(version.version()),
          Times.local(version.replacedAt() == null ? null : version.replacedAt().toString(), zone),
          version.content() == null ? null : version.content().replaceAll("\\s+", " "));
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
