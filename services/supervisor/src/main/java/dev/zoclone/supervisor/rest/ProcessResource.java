package dev.zoclone.supervisor.rest;

import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.contract.processes.CreateProcessRequest;
import dev.zoclone.contract.processes.ProcessList;
import dev.zoclone.contract.processes.ProcessView;
import dev.zoclone.contract.processes.UpdateProcessRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.supervisor.service.ProcessService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's supervised processes: define, list, start, stop, restart, change, delete. */
@Path("/api/v1/processes")
@Tag(name = "Processes", description = "Users' long-running processes and hosted services")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProcessResource {
  private final ProcessService processes;
  private final CurrentCaller caller;

  public ProcessResource(ProcessService processes, CurrentCaller caller) {
    this.processes = processes;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary = "Define a process and start it",
      description =
          "Runs the command sandboxed (read-only system, its own writable home, network allowed)"
              + " with PATH, LANG, HOME, PORT (http/tcp) and the given env only. A command that"
              + " cannot run answers 400 (not on PATH) or ends FATAL with the reason.")
  @APIResponse(responseCode = "201", description = "The process, STARTING or already FATAL")
  @APIResponse(responseCode = "400", description = "A bad field, named in the problem")
  @APIResponse(responseCode = "409", description = "The name is taken, or the port is in use")
  public RestResponse<ProcessView> create(
      CreateProcessRequest body, @HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return RestResponse.status(
        RestResponse.Status.CREATED,
        ProcessViews.of(processes.create(caller.userId(), body), userName));
  }

  @GET
  @Operation(summary = "List the caller's processes by name")
  public ProcessList list(@HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return new ProcessList(
        processes.list(caller.userId()).stream()
            .map(row -> ProcessViews.of(row, userName))
            .toList());
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "Read a process: status, pid, port, restarts, exit code, url")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public ProcessView get(
      @PathParam("name") String name, @HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return ProcessViews.of(processes.get(caller.userId(), name), userName);
  }

  @PATCH
  @Path("/{name}")
  @Operation(summary = "Change a process's definition; applied on its next start")
  @APIResponse(responseCode = "400", description = "A bad field, named in the problem")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public ProcessView update(
      @PathParam("name") String name,
      UpdateProcessRequest body,
      @HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return ProcessViews.of(processes.update(caller.userId(), name, body), userName);
  }

  @POST
  @Path("/{name}/start")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Start a process that is not running (a running one is left alone)")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public ProcessView start(
      @PathParam("name") String name, @HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return ProcessViews.of(processes.start(caller.userId(), name), userName);
  }

  @POST
  @Path("/{name}/stop")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Stop a process",
      description =
          "SIGTERM to every process of its sandbox, SIGKILL after stop_grace_ms; answers once"
              + " they are gone.")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public ProcessView stop(
      @PathParam("name") String name, @HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return ProcessViews.of(processes.stop(caller.userId(), name), userName);
  }

  @POST
  @Path("/{name}/restart")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Stop a process and start it again")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public ProcessView restart(
      @PathParam("name") String name, @HeaderParam(ZoHeaders.USER_NAME) String userName) {
    return ProcessViews.of(processes.restart(caller.userId(), name), userName);
  }

  @DELETE
  @Path("/{name}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Stop a process and delete it with its home and logs")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such process of the caller")
  public RestResponse<Void> delete(@PathParam("name") String name) {
    processes.delete(caller.userId(), name);
    return RestResponse.noContent();
  }
}
