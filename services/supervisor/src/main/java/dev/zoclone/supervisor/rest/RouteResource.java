package dev.zoclone.supervisor.rest;

import dev.zoclone.contract.processes.ProcessRoute;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.supervisor.service.ProcessService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the gateway sends the public route {@code /p/<user>/<name>/...}; the gateway calls it with
 * the internal secret as the process's owner. Not forwarded from outside: no gateway route maps to
 * {@code /internal}.
 */
@Path("/internal/v1/routes")
@Tag(name = "Internal", description = "Called by the gateway only")
@APIResponse(responseCode = "401", description = "Not called by the gateway")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {
  private final ProcessService processes;
  private final CurrentCaller caller;

  public RouteResource(ProcessService processes, CurrentCaller caller) {
    this.processes = processes;
    this.caller = caller;
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "The status, visibility, host and port of the caller's process")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public ProcessRoute route(@PathParam("name") String name) {
    return processes.route(caller.userId(), name);
  }
}
