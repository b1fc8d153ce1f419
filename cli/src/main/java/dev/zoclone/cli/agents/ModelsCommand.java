package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import picocli.CommandLine.Command;

/** {@code zo models}: the model names the caller can use. */
@Command(
    name = "models",
    description = "The models you can name with --model.",
    subcommands = {ModelsCommand.ListModels.class})
public final class ModelsCommand {
  /** {@code zo models ls}: one row per key's model, the default marked. */
  @Command(
      name = "ls",
      description = {
        "List the models your keys give you, the default marked with *.",
        "A model is named <key>:<model>; a key alone means its default model."
      })
  public static final class ListModels extends GatewayCommand {
    @Override
    protected int execute(GatewayClient gateway) {
      GatewayResponse response = gateway.get("/api/v1/models");
      if (printedAsJson(response)) {
        return ExitCodes.OK;
      }
      TextTable table = new TextTable("MODEL", "PROVIDER", "KEY SET", "DEFAULT");
      for (JsonNode model : response.read(JsonNode.class).path("models")) {
        table.row(
            model.path("model_name").asText(),
            model.path("provider").asText("-"),
            model.path("key_set").asBoolean() ? "yes" : "no",
            model.path("default").asBoolean() ? "*" : "");
      }
      out().print(table.render());
      return ExitCodes.OK;
    }
  }
}
