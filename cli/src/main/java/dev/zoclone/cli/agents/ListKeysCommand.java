package dev.zoclone.cli.agents;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.agents.KeyList;
import picocli.CommandLine.Command;

/** {@code zo keys ls}: your keys, masked. */
@Command(name = "ls", description = "List your provider keys, masked.")
public final class ListKeysCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/keys");
    if (!printedAsJson(response)) {
      KeyList keys = response.read(KeyList.class);
      TextTable table = new TextTable("NAME", "PROVIDER", "KEY", "BASE URL", "DEFAULT MODEL");
      keys.keys()
          .forEach(
              k ->
                  table.row(
                      k.name(),
                      k.provider(),
                      k.masked() == null ? "-" : k.masked(),
                      k.baseUrl() == null ? "-" : k.baseUrl(),
                      k.defaultModel() == null ? "-" : k.defaultModel()));
      out().print(table.render());
    }
    return ExitCodes.OK;
  }
}
