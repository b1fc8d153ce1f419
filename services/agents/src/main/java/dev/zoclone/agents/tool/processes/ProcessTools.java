package dev.zoclone.agents.tool.processes;

import static dev.zoclone.agents.tool.route.ServiceRequest.segment;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.agents.tool.ToolGroup;
import dev.zoclone.agents.tool.route.Args;
import dev.zoclone.agents.tool.route.RouteTool;
import dev.zoclone.agents.tool.route.ServiceRequest;
import dev.zoclone.agents.tool.route.ServiceRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The processes group: list the user's processes, start, stop, read logs (supervisor routes). */
@ApplicationScoped
public class ProcessTools implements ToolGroup {
  private static final String SUPERVISOR = "supervisor";
  private static final String BASE = "/api/v1/processes";
  private final List<Tool> tools;

  public ProcessTools(ServiceRoutes routes) {
    JsonObjectSchema byName =
        JsonObjectSchema.builder()
            .addStringProperty("name", "the process's name")
            .required("name")
            .build();
    this.tools =
        List.of(
            new RouteTool(
                routes,
                "processes_list",
                true,
                "Lists the user's long-running processes with their status, port and URL",
                JsonObjectSchema.builder().build(),
                (context, arguments) -> ServiceRequest.get(SUPERVISOR, BASE)),
            new RouteTool(
                routes,
                "processes_start",
                false,
                "Starts one of the user's processes that is stopped or exited",
                byName,
                (context, arguments) -> action(arguments, "start")),
            new RouteTool(
                routes,
                "processes_stop",
                false,
                "Stops one of the user's processes",
                byName,
                (context, arguments) -> action(arguments, "stop")),
            new RouteTool(
                routes,
                "processes_logs",
                true,
                "Reads the last lines a process wrote to stdout and stderr",
                JsonObjectSchema.builder()
                    .addStringProperty("name", "the process's name")
                    .addIntegerProperty("tail", "how many lines (default 200)")
                    .addEnumProperty("stream", List.of("stdout", "stderr", "both"), "which output")
                    .required("name")
                    .build(),
                (context, arguments) ->
                    ServiceRequest.get(
                        SUPERVISOR,
                        BASE
                            + "/"
                            + segment(Args.required(arguments, "name"))
                            + "/logs?tail="
                            + arguments.path("tail").asInt(200)
                            + "&stream="
                            + segment(arguments.path("stream").asText("both")))));
  }

  private static ServiceRequest action(
      com.fasterxml.jackson.databind.JsonNode arguments, String verb) {
    return new ServiceRequest(
        SUPERVISOR,
        "POST",
        BASE + "/" + segment(Args.required(arguments, "name")) + "/" + verb,
        null);
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }
}
