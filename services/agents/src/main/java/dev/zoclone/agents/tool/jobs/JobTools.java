package dev.zoclone.agents.tool.jobs;

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

/** The jobs group: submit a job to the compute pool, read its status, cancel it (pool routes). */
@ApplicationScoped
public class JobTools implements ToolGroup {
  private static final String POOL = "pool";
  private final List<Tool> tools;

  public JobTools(ServiceRoutes routes) {
    JsonObjectSchema free =
        JsonObjectSchema.builder()
            .description(
                "shell: {command, args?, env?, workdir?}; http: {method, url, headers?, body?};"
                    + " agent: {prompt, model_name?}; skill: {skill, script?, input}")
            .additionalProperties(true)
            .build();
    this.tools =
        List.of(
            new RouteTool(
                routes,
                "jobs_submit",
                false,
                "Submits a job to the user's compute nodes; answers its id and status (then use"
                    + " jobs_status)",
                JsonObjectSchema.builder()
                    .addEnumProperty("kind", List.of("shell", "http", "agent", "skill"), "the kind")
                    .addProperty("payload", free)
                    .addIntegerProperty("priority", "higher runs first")
                    .addProperty(
                        "requirements",
                        JsonObjectSchema.builder()
                            .description("node labels the job needs, e.g. {\"gpu\": \"true\"}")
                            .additionalProperties(true)
                            .build())
                    .addStringProperty("idempotency_key", "the same key never submits twice")
                    .addIntegerProperty("max_attempts", "attempts before the job is dead")
                    .addIntegerProperty("timeout_s", "wall time of one attempt")
                    .required("kind", "payload")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(POOL, "POST", "/api/v1/jobs", Args.bodyWithout(arguments))),
            new RouteTool(
                routes,
                "jobs_status",
                true,
                "Reads a job's status, attempts, result or error, and what it waits for",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the job's id")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    ServiceRequest.get(
                        POOL, "/api/v1/jobs/" + segment(Args.required(arguments, "id")))),
            new RouteTool(
                routes,
                "jobs_cancel",
                false,
                "Cancels a job that has not finished",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the job's id")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(
                        POOL,
                        "POST",
                        "/api/v1/jobs/" + segment(Args.required(arguments, "id")) + "/cancel",
                        null)));
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }
}
