package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zo settings}: the caller's ask defaults, default-model and fallbacks. */
@Command(
    name = "settings",
    description = "Your ask defaults: default-model and fallbacks.",
    subcommands = {
      SettingsCommand.Get.class,
      SettingsCommand.Set.class,
      SettingsCommand.Unset.class
    })
public final class SettingsCommand {
  private static final String PATH = "/api/v1/settings";

  /** The settings' names on the command line, in the order they are printed. */
  enum Name {
    DEFAULT_MODEL("default-model"),
    FALLBACKS("fallbacks");

    final String cli;

    Name(String cli) {
      this.cli = cli;
    }

    static Name of(String raw) {
      return Arrays.stream(values())
          .filter(n -> n.cli.equals(raw))
          .findFirst()
          .orElseThrow(
              () ->
                  new CliFailure(
                      ExitCodes.USAGE,
                      "unknown setting '" + raw + "': one of default-model, fallbacks"));
    }
  }

  /** {@code zo settings get [name]}. */
  @Command(name = "get", description = "Print your settings, or one of them.")
  public static final class Get extends GatewayCommand {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "default-model or fallbacks.")
    private String name;

    @Override
    protected int execute(GatewayClient gateway) {
      Name only = name == null ? null : Name.of(name);
      GatewayResponse response = gateway.get(PATH);
      if (printedAsJson(response)) {
        return ExitCodes.OK;
      }
      JsonNode settings = response.read(JsonNode.class);
      String model = settings.path("default_model").asText("");
      List<String> fallbacks = new ArrayList<>();
      settings.path("fallbacks").forEach(f -> fallbacks.add(f.asText()));
      if (only == Name.DEFAULT_MODEL) {
        out().println(model);
      } else if (only == Name.FALLBACKS) {
        out().println(String.join(",", fallbacks));
      } else {
        out().println("default-model: " + (model.isEmpty() ? "(none)" : model));
        out()
            .println(
                "fallbacks:     " + (fallbacks.isEmpty() ? "(none)" : String.join(",", fallbacks)));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code zo settings set <name> <value>}. */
  @Command(
      name = "set",
      description = "Set default-model, or fallbacks as a comma-separated list.",
      footer = {
        "%nExamples:",
        "  zo settings set default-model openai:gpt-4o-mini",
        "  zo settings set fallbacks groq:llama-3.1-8b-instant,lab:llama3.2"
      })
  public static final class Set extends Change {
    @Parameters(index = "0", paramLabel = "NAME", description = "default-model or fallbacks.")
    private String name;

    @Parameters(index = "1", paramLabel = "VALUE", description = "A model name, or a list.")
    private String value;

    @Override
    protected int execute(GatewayClient gateway) {
      return change(gateway, Name.of(name), value);
    }
  }

  /** {@code zo settings unset <name>}. */
  @Command(name = "unset", description = "Clear default-model or fallbacks.")
  public static final class Unset extends Change {
    @Parameters(index = "0", paramLabel = "NAME", description = "default-model or fallbacks.")
    private String name;

    @Override
    protected int execute(GatewayClient gateway) {
      return change(gateway, Name.of(name), null);
    }
  }

  /** Changes one setting; PUT replaces both, so the other is read first and sent back as is. */
  abstract static class Change extends GatewayCommand {
    final int change(GatewayClient gateway, Name name, String value) {
      JsonNode current = gateway.get(PATH).read(JsonNode.class);
      String model =
          current.path("default_model").isTextual() ? current.get("default_model").asText() : null;
      List<String> fallbacks = new ArrayList<>();
      current.path("fallbacks").forEach(f -> fallbacks.add(f.asText()));
      if (name == Name.DEFAULT_MODEL) {
        model = value == null ? null : value.strip();
      } else {
        fallbacks.clear();
        if (value != null) {
          Arrays.stream(value.split(","))
              .map(String::strip)
              .filter(f -> !f.isEmpty())
              .forEach(fallbacks::add);
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("default_model", model);
      body.put("fallbacks", fallbacks);
      GatewayResponse response = gateway.send("PUT", PATH, body);
      if (!printedAsJson(response)) {
        out()
            .println(
                value == null
                    ? "Cleared " + name.cli + "."
                    : "Set " + name.cli + " to " + value.strip() + ".");
      }
      return ExitCodes.OK;
    }
  }
}
