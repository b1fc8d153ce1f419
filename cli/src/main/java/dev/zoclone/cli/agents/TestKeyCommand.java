package dev.zoclone.cli.agents;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.agents.KeyTestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo keys test <name>}: one cheap call with the key. */
@Command(name = "test", description = "Check a key with one cheap call to its provider.")
public final class TestKeyCommand extends GatewayCommand {
  @Parameters(index = "0", description = "The key's name.")
  String name;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response =
        gateway.post("/api/v1/keys/" + GatewayClient.pathSegment(name) + "/test", null);
    KeyTestResult result = response.read(KeyTestResult.class);
    if (!printedAsJson(response)) {
      out()
          .println(
              result.ok()
                  ? "ok (" + result.latencyMs() + " ms)"
                  : "failed after " + result.latencyMs() + " ms: " + result.error());
    }
    return result.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
