package dev.zoclone.cli.browser;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo browser close ID}: closes one of the caller's sessions. */
@Command(name = "close", description = "Close a browser session (a named one saves its state).")
public final class BrowserCloseCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The session's id, from zo browser sessions.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    gateway.delete("/api/v1/browser/sessions/" + GatewayClient.pathSegment(id));
    out().println("Closed browser session " + id + ".");
    return ExitCodes.OK;
  }
}
