package dev.zoclone.scheduler.rest;

import dev.zoclone.contract.scheduler.AutomationList;
import dev.zoclone.contract.scheduler.AutomationView;
import dev.zoclone.contract.scheduler.NewAutomation;
import dev.zoclone.contract.scheduler.PreviewRequest;
import dev.zoclone.contract.scheduler.PreviewResponse;
import dev.zoclone.contract.scheduler.RunList;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.scheduler.service.AutomationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/automations}: the caller's automations, their history, and rule previews. */
@Path("/api/v1/automations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automations", description = "RFC 5545 recurring actions")
public class AutomationResource {
  private final AutomationService service;
  private final CurrentCaller caller;

  public AutomationResource(AutomationService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @POST
  @Path("/preview")
  @Operation(summary = "List the first occurrences of a rule without storing it")
  @APIResponse(responseCode = "200", description = "The occurrences, fewer if the rule ends")
  @APIResponse(responseCode = "400", description = "The rule, dtstart, tzid or count is invalid")
  public PreviewResponse preview(PreviewRequest request) {
    return service.preview(required(request));
  }

  @POST
  @Operation(summary = "Create an automation")
  @APIResponse(responseCode = "201", description = "Created, with its next runs")
  @APIResponse(responseCode = "400", description = "Invalid rule or action; the part is named")
  public Response create(NewAutomation request) {
    AutomationView created = service.create(caller.userId(), required(request));
    return Response.created(URI.create("/api/v1/automations/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "List your automations")
  public AutomationList list() {
    return service.list(caller.userId());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Show one automation with its next runs")
  @APIResponse(responseCode = "404", description = "No such automation of yours")
  public AutomationView get(@PathParam("id") String id) {
    return service.get(caller.userId(), id);
  }

  @PATCH
  @Path("/{id}")
  @Operation(summary = "Change an automation; active=false pauses it, active=true resumes it")
  @APIResponse(responseCode = "404", description = "No such automation of yours")
  public AutomationView update(@PathParam("id") String id, NewAutomation patch) {
    return service.update(caller.userId(), id, required(patch));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an automation and its history")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such automation of yours")
  public void delete(@PathParam("id") String id) {
    service.delete(caller.userId(), id);
  }

  @GET
  @Path("/{id}/runs")
  @Operation(summary = "Fire history with status, newest first")
  @APIResponse(responseCode = "404", description = "No such automation of yours")
  public RunList runs(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    return service.runs(caller.userId(), id, limit);
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw ProblemException.badRequest("body", "a JSON body is required");
    }
    return body;
  }
}
