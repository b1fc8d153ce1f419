package dev.zoclone.agents.tool.automations;

import static dev.zoclone.agents.tool.route.ServiceRequest.segment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.agents.tool.ToolGroup;
import dev.zoclone.agents.tool.route.Args;
import dev.zoclone.agents.tool.route.RouteTool;
import dev.zoclone.agents.tool.route.ServiceRequest;
import dev.zoclone.agents.tool.route.ServiceRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The automations group: preview a recurrence rule, create, list, pause, delete automations and
 * read their runs (the scheduler's routes).
 */
@ApplicationScoped
public class AutomationTools implements ToolGroup {
  private static final String SCHEDULER = "scheduler";
  private static final String BASE = "/api/v1/automations";
  private final List<Tool> tools;

  public AutomationTools(ServiceRoutes routes) {
    JsonObjectSchema action =
        JsonObjectSchema.builder()
            .description("what each occurrence does")
            .addEnumProperty(
                "type", List.of("ask", "job", "webhook", "kafka"), "the kind of action")
            .addStringProperty("prompt", "for ask: what the assistant is asked at each occurrence")
            .addStringProperty("url", "for webhook: the URL POSTed to")
            .addStringProperty("secret", "for webhook: the signing secret (16-256 characters)")
            .addStringProperty("topic", "for kafka: the topic, one of the user's own")
            .addProperty(
                "payload",
                JsonObjectSchema.builder()
                    .description("for job, webhook and kafka: the JSON sent")
                    .additionalProperties(true)
                    .build())
            .required("type")
            .build();
    JsonArraySchema exdates =
        JsonArraySchema.builder()
            .description("local date-times to skip, e.g. 2026-12-25T09:00:00")
            .items(JsonStringSchema.builder().build())
            .build();
    this.tools =
        List.of(
            new RouteTool(
                routes,
                "automations_preview",
                true,
                "Shows the next occurrences of an iCalendar recurrence rule in a time zone, to check"
                    + " a rule before creating an automation",
                JsonObjectSchema.builder()
                    .addStringProperty(
                        "rrule", "the RRULE value, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9")
                    .addStringProperty(
                        "dtstart", "the first local date-time, e.g. 2026-01-05T09:00:00")
                    .addStringProperty("tzid", "an IANA time zone, e.g. Europe/Paris")
                    .addProperty("exdates", exdates)
                    .addIntegerProperty("count", "how many occurrences to show")
                    .required("rrule", "dtstart", "tzid", "count")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(
                        SCHEDULER, "POST", BASE + "/preview", Args.bodyWithout(arguments))),
            new RouteTool(
                routes,
                "automations_create",
                false,
                "Creates an automation that runs an action on a recurrence rule (a reminder is an"
                    + " ask action whose prompt is the reminder); answers its id and next runs",
                JsonObjectSchema.builder()
                    .addStringProperty("title", "a short title")
                    .addStringProperty(
                        "rrule", "the RRULE value, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9")
                    .addStringProperty("dtstart", "the first local date-time (optional)")
                    .addStringProperty("tzid", "the user's IANA time zone, e.g. Europe/Paris")
                    .addProperty("exdates", exdates)
                    .addProperty("action", action)
                    .addBooleanProperty("active", "false to create it paused")
                    .addEnumProperty(
                        "catch_up", List.of("skip", "once", "all"), "what to do with missed runs")
                    .required("title", "rrule", "tzid", "action")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(SCHEDULER, "POST", BASE, Args.bodyWithout(arguments))),
            new RouteTool(
                routes,
                "automations_list",
                true,
                "Lists the user's automations with their rules, actions and next runs",
                JsonObjectSchema.builder().build(),
                (context, arguments) -> ServiceRequest.get(SCHEDULER, BASE)),
            new RouteTool(
                routes,
                "automations_pause",
                false,
                "Pauses an automation (active false) or resumes it (active true)",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the automation's id")
                    .addBooleanProperty("active", "true to resume; false (the default) to pause")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(
                        SCHEDULER,
                        "PATCH",
                        BASE + "/" + segment(Args.required(arguments, "id")),
                        JsonNodeFactory.instance
                            .objectNode()
                            .put("active", arguments.path("active").asBoolean(false)))),
            new RouteTool(
                routes,
                "automations_delete",
                false,
                "Deletes an automation",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the automation's id")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    new ServiceRequest(
                        SCHEDULER,
                        "DELETE",
                        BASE + "/" + segment(Args.required(arguments, "id")),
                        null)),
            new RouteTool(
                routes,
                "automations_runs",
                true,
                "Lists an automation's past runs with their status, newest first",
                JsonObjectSchema.builder()
                    .addStringProperty("id", "the automation's id")
                    .addIntegerProperty("limit", "how many runs (default 50)")
                    .required("id")
                    .build(),
                (context, arguments) ->
                    ServiceRequest.get(
                        SCHEDULER,
                        BASE
                            + "/"
                            + segment(Args.required(arguments, "id"))
                            + "/runs?limit="
                            + arguments.path("limit").asInt(50))));
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }
}
