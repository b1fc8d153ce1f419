package dev.zoclone.cli.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.IdPrefix;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.Times;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zo personas ls|add|rm}: named system prompts an ask can lead with. */
@Command(
    name = "personas",
    description = "Personas: named system prompts for zo ask --persona.",
    subcommands = {
      PersonasCommand.ListPersonas.class,
      PersonasCommand.AddPersona.class,
      PersonasCommand.RemovePersona.class
    })
public final class PersonasCommand {
  static final String PERSONAS = "/api/v1/personas";

  /** Personas, for ids given by a unique prefix. */
  static final IdPrefix IDS = new IdPrefix(PERSONAS, "personas", "persona");

  /** {@code zo personas ls}. */
  @Command(name = "ls", description = "List your personas.")
  public static final class ListPersonas extends GatewayCommand {
    @Override
    protected int execute(GatewayClient gateway) {
      GatewayResponse response = gateway.get(PERSONAS);
      if (printedAsJson(response)) {
        return ExitCodes.OK;
      }
      Instant now = Instant.now();
      ZoneId zone = ZoneId.systemDefault();
      TextTable table =
          wide()
              ? new TextTable("ID", "NAME", "SKILLS", "TOOLS", "CREATED", "AGE", "SYSTEM PROMPT")
              : new TextTable("ID", "NAME", "SKILLS", "TOOLS", "CREATED", "AGE");
      for (JsonNode persona : response.read(JsonNode.class).path("personas")) {
        String created = persona.path("created_at").asText(null);
        List<String> tools = new ArrayList<>();
        persona.path("tools").forEach(t -> tools.add(t.asText()));
        String[] cells = {
          persona.path("id").asText(),
          persona.path("name").asText(),
          persona.path("skills").asBoolean(true) ? "yes" : "no",
          tools.isEmpty() ? "all" : String.join(",", tools),
          Times.local(created, zone),
          Times.age(created, now),
          persona.path("system_prompt").asText("").replaceAll("\\s+", " ")
        };
        table.row(wide() ? cells : Arrays.copyOf(cells, 6));
      }
      out().print(table.render());
      return ExitCodes.OK;
    }
  }

  /** {@code zo personas add NAME --prompt TEXT}. */
  @Command(
      name = "add",
      description = "Create a persona.",
      footer = {"%nExample:", "  zo personas add pirate --prompt 'Talk like a pirate.'"})
  public static final class AddPersona extends GatewayCommand {
    @Parameters(paramLabel = "NAME", description = "The persona's name.")
    private String name;

    @Option(
        names = "--prompt",
        required = true,
        paramLabel = "TEXT",
        description = "Its system prompt.")
    private String prompt;

    @Option(names = "--no-skills", description = "Its asks neither list nor run skills.")
    private boolean noSkills;

    @Option(
        names = "--tools",
        split = ",",
        paramLabel = "GROUPS",
        description = "Tool groups its asks offer, e.g. memory,automations.")
    private List<String> tools;

    @Override
    protected int execute(GatewayClient gateway) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("system_prompt", prompt);
      if (noSkills) {
        body.put("skills", false);
      }
      if (tools != null) {
        body.put("tools", tools);
      }
      GatewayResponse response = gateway.post(PERSONAS, body);
      if (!printedAsJson(response)) {
        JsonNode created = response.read(JsonNode.class);
        out()
            .println(
                "Created persona "
                    + created.path("name").asText()
                    + " ("
                    + created.path("id").asText()
                    + "); use it with zo ask --persona "
                    + created.path("id").asText());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code zo personas rm ID}. */
  @Command(name = "rm", description = "Delete a persona.")
  public static final class RemovePersona extends GatewayCommand {
    @Parameters(paramLabel = "ID", description = "The persona's id or a unique prefix of it.")
    private String id;

    @Override
    protected int execute(GatewayClient gateway) {
      String deleted =
          IDS.call(
              gateway,
              id,
              p -> {
                gateway.delete(PERSONAS + "/" + GatewayClient.pathSegment(p));
                return p;
              });
      if (!json()) {
        out().println("Deleted persona " + deleted + ".");
      }
      return ExitCodes.OK;
    }
  }
}
