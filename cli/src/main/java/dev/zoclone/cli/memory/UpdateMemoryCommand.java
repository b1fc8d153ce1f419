package dev.zoclone.cli.memory;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.memory.MemorizeRequest;
import dev.zoclone.contract.memory.MemoryView;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo memory update ID TEXT}: replaces a memory's text; the old one stays in its history. */
@Command(
    name = "update",
    description = "Replace a memory's text (zo memory history shows the old).",
    footer = {"%nExample:", "  zo memory update 3f2a... \"our SQL server is db2\""})
public final class UpdateMemoryCommand extends GatewayCommand {
  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The memory's id or a unique prefix of it.")
  private String id;

  @Parameters(index = "1", paramLabel = "TEXT", description = "Its new text.")
  private String content;

  @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Its new metadata; repeatable.")
  private Map<String, String> meta;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        IdPrefix.MEMORIES.call(
            gateway,
            id,
            m ->
                gateway.send(
                    "PUT",
                    "/api/v1/memories/" + GatewayClient.pathSegment(m),
                    new MemorizeRequest(content, meta)));
    if (!printedAsJson(response)) {
      MemoryView updated = response.read(MemoryView.class);
      out().println("Updated memory " + updated.id() + ".");
    }
    return ExitCodes.OK;
  }
}
