package dev.zoclone.cli.memory;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.memory.MemorizeRequest;
import dev.zoclone.contract.memory.MemorizeResponse;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo memory add TEXT [--meta K=V]}: saves a memory, or names the one it duplicates. */
@Command(
    name = "add",
    description = "Save a memory.",
    footer = {"%nExample:", "  zo memory add \"our SQL server is db1\""})
public final class AddMemoryCommand extends GatewayCommand {
  @Parameters(paramLabel = "TEXT", description = "What to remember.")
  private String content;

  @Option(
      names = "--meta",
      paramLabel = "KEY=VALUE",
      description = "Metadata to filter recall by; repeatable.")
  private Map<String, String> meta;

  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.post("/api/v1/memories", new MemorizeRequest(content, meta));
    if (!printedAsJson(response)) {
      MemorizeResponse saved = response.read(MemorizeResponse.class);
      out()
          .println(
              saved.deduplicatedOf() == null
                  ? "Saved memory " + saved.id() + "."
                  : "Already remembered as " + saved.deduplicatedOf() + ".");
    }
    return ExitCodes.OK;
  }
}
