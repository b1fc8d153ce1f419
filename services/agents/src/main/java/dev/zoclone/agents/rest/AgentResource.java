package dev.zoclone.agents.rest;

import dev.zoclone.agents.idempotency.IdempotentRequests;
import dev.zoclone.agents.runs.AgentRunner;
import dev.zoclone.contract.agents.AgentRequest;
import dev.zoclone.contract.agents.AgentView;
import dev.zoclone.contract.agents.SpawnAllRequest;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Parallel agents: one in the background, or many at once with results in order. */
@Path("/api/v1/agents")
public class AgentResource {
  private final AgentRunner runner;
  private final CurrentCaller caller;
  private final IdempotentRequests idempotent;

  public AgentResource(AgentRunner runner, CurrentCaller caller, IdempotentRequests idempotent) {
    this.runner = runner;
    this.caller = caller;
    this.idempotent = idempotent;
  }

  @POST
  public Response spawn(
      AgentRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    String owner = caller.userId();
    return idempotent.once(
        owner,
        "agents",
        idempotencyKey,
        request,
        () -> Response.status(202).entity(runner.spawn(owner, request)).build());
  }

  @GET
  @Path("{id}")
  public AgentView get(@PathParam("id") String id) {
    return runner.get(caller.userId(), id);
  }

  @DELETE
  @Path("{id}")
  public AgentView cancel(@PathParam("id") String id) {
    return runner.cancel(caller.userId(), id);
  }

  @POST
  @Path("spawn-all")
  public Response spawnAll(
      SpawnAllRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    String owner = caller.userId();
    return idempotent.once(
        owner,
        "agents/spawn-all",
        idempotencyKey,
        request,
        () -> Response.ok(runner.spawnAll(owner, request)).build());
  }
}
