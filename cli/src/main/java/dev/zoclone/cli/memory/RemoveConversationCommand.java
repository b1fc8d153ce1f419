package dev.zoclone.cli.memory;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.gateway.GatewayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo conversations rm ID}: deletes a conversation, its messages and their vectors. */
@Command(name = "rm", description = "Delete a conversation with its messages.")
public final class RemoveConversationCommand extends GatewayCommand {
  @Parameters(paramLabel = "ID", description = "The conversation's id.")
  private String id;

  @Override
  protected int execute(GatewayClient gateway) {
    String deleted =
        IdPrefix.CONVERSATIONS.call(
            gateway,
            id,
            c -> {
              gateway.delete("/api/v1/conversations/" + GatewayClient.pathSegment(c));
              return c;
            });
    if (!json()) {
      out().println("Deleted conversation " + deleted + ".");
    }
    return ExitCodes.OK;
  }
}
