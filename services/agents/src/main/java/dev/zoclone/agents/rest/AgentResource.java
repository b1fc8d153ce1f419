package dev.zoclone.agents.rest;

import dev.zoclone.agents.service.AgentRunner;
import dev.zoclone.contract.agents.AgentRequest;
import dev.zoclone.contract.agents.AgentView;
import dev.zoclone.contract.agents.SpawnAllRequest;
import dev.zoclone.contract.agents.SpawnAllResponse;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Parallel agents: one in the background, or many at once with results in order. */
@Path("/api/v1/agents")
public class AgentResource {
  private final AgentRunner runner;
  private final CurrentCaller caller;

  public AgentResource(AgentRunner runner, CurrentCaller caller) {
    this.runner = runner;
    this.caller = caller;
  }

  @POST
  public Response spawn(AgentRequest request) {
    return Response.status(202).entity(runner.spawn(caller.userId(), request)).build();
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
  public SpawnAllResponse spawnAll(SpawnAllRequest request) {
    return runner.spawnAll(caller.userId(), request);
  }
}
