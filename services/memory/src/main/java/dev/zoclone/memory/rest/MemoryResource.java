package dev.zoclone.memory.rest;

import dev.zoclone.contract.memory.MemorizeRequest;
import dev.zoclone.contract.memory.MemorizeResponse;
import dev.zoclone.contract.memory.MemoryApi;
import dev.zoclone.contract.memory.MemoryHistory;
import dev.zoclone.contract.memory.MemoryView;
import dev.zoclone.contract.memory.RecallRequest;
import dev.zoclone.contract.memory.RecallResponse;
import dev.zoclone.memory.service.MemoryService;
import dev.zoclone.memory.service.RecallService;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's memories: memorize, recall, read, update, forget. Runs on worker threads. */
@Path(MemoryApi.MEMORIES)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemoryResource {
  private final MemoryService memories;
  private final RecallService recall;
  private final CurrentCaller caller;

  public MemoryResource(MemoryService memories, RecallService recall, CurrentCaller caller) {
    this.memories = memories;
    this.recall = recall;
    this.caller = caller;
  }

  /** 201 with the new id, or 200 with the id of the near-duplicate already stored. */
  @POST
  public Response memorize(MemorizeRequest request) {
    MemorizeResponse saved = memories.memorize(caller.userId(), request);
    return Response.status(saved.deduplicatedOf() == null ? 201 : 200).entity(saved).build();
  }

  @POST
  @Path("recall")
  public RecallResponse recall(RecallRequest request) {
    return recall.recall(caller.userId(), request);
  }

  @GET
  @Path("{id}")
  public MemoryView get(@PathParam("id") String id) {
    return memories.get(caller.userId(), id);
  }

  @PUT
  @Path("{id}")
  public MemoryView update(@PathParam("id") String id, MemorizeRequest request) {
    return memories.update(caller.userId(), id, request);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    memories.delete(caller.userId(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/history")
  public MemoryHistory history(@PathParam("id") String id) {
    return memories.history(caller.userId(), id);
  }
}
