package dev.zoclone.cli.agents;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.agents.KeyRequest;
import dev.zoclone.contract.agents.KeyView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo keys set <name>}: stores a provider key; the name defaults to the provider's. */
@Command(name = "set", description = "Store a provider key under a name (e.g. openai).")
public final class SetKeyCommand extends GatewayCommand {
  @Parameters(index = "0", description = "The key's name, used in model names as <name>:<model>.")
  String name;

  @Option(
      names = "--provider",
      description =
          "openai, anthropic, groq, ollama, openrouter or openai_compatible (default: the name).")
  String provider;

  @Option(names = "--key", description = "The API key.")
  String apiKey;

  @Option(names = "--base-url", description = "The endpoint, when not the provider's default.")
  String baseUrl;

  @Option(names = "--default-model", description = "The model used when only the key is named.")
  String defaultModel;

  @Override
  protected int execute(GatewayClient gateway) {
    KeyRequest body =
        new KeyRequest(provider != null ? provider : name, apiKey, baseUrl, defaultModel);
    GatewayResponse response =
        gateway.send("PUT", "/api/v1/keys/" + GatewayClient.pathSegment(name), body);
    if (!printedAsJson(response)) {
      KeyView key = response.read(KeyView.class);
      out()
          .println(
              "key "
                  + key.name()
                  + " stored ("
                  + key.provider()
                  + (key.masked() == null ? "" : ", " + key.masked())
                  + ")");
    }
    return ExitCodes.OK;
  }
}
