package dev.zoclone.agents.tool.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.runs.AgentRunner;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.agents.SpawnAllRequest;
import dev.zoclone.contract.agents.SpawnAllResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs several agents in parallel and gathers their answers: the agents service's own spawn-all, in
 * process, reporting progress as each agent ends. Agents it spawns get no agent tools.
 */
@ApplicationScoped
public class SpawnAllTool implements Tool {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AgentRunner runner;

  public SpawnAllTool(AgentRunner runner) {
    this.runner = runner;
  }

  @Override
  public String name() {
    return "agents_spawn_all";
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description(
            "Runs several independent sub-tasks in parallel, one agent each, and answers every"
                + " agent's output, status and error in the order given")
        .parameters(
            JsonObjectSchema.builder()
                .addProperty(
                    "agents",
                    JsonArraySchema.builder()
                        .description("the agents to run")
                        .items(
                            JsonObjectSchema.builder()
                                .addStringProperty("id", "a name for the agent's result")
                                .addStringProperty("prompt", "the agent's task")
                                .addStringProperty("model_name", "the model (optional)")
                                .required("prompt")
                                .build())
                        .build())
                .addIntegerProperty("max_concurrency", "agents at once (default 8)")
                .addIntegerProperty("timeout_ms", "each agent's time limit")
                .required("agents")
                .build())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    SpawnAllRequest request;
    try {
      request = JSON.treeToValue(arguments, SpawnAllRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      return "error: the arguments do not match the schema: "
          + e.getMessage().lines().findFirst().orElse("");
    }
    int total = request.agents() == null ? 0 : request.agents().size();
    context.progress().report(0, total, "started " + total + " agents");
    SpawnAllResponse response =
        runner.spawnAll(
            context.owner(),
            request,
            finished -> context.progress().report(finished, total, finished + " of " + total));
    return JSON.valueToTree(response).toString();
  }
}
