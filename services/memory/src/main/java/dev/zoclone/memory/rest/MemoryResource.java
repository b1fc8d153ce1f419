package dev.zoclone.memory.rest;

import dev.zoclone.contract.memory.MemorizeRequest;
import dev.zoclone.contract.memory.MemorizeResponse;
import dev.zoclone.contract.memory.MemoryApi;
import dev.zoclone.contract.memory.MemoryHistory;
import dev.zoclone.contract.memory.MemoryView;
import dev.zoclone.contract.memory.RecallRequest;
import dev.zoclone.contract.memory.RecallResponse;
import dev.zoclone.memory.service.MemoryListService;
import dev.zoclone.memory.service.MemoryListService.MemoryPage;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The caller's memories: memorize, list, recall, read, update, forget. Runs on worker threads. */
@Path(MemoryApi.MEMORIES)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemoryResource {
  private final MemoryService memories;
  private final RecallService recall;
  private final MemoryListService list;
  private final CurrentCaller caller;

  public MemoryResource(
      MemoryService memories, RecallService recall, MemoryListService list, CurrentCaller caller) {
    this.memories = memories;
    this.recall = recall;
    this.list = list;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary = "A page of the caller's memories, newest first",
      description =
          "Each with its first 200 characters (excerpt) and its length; next_cursor is null on the"
              + " last page. 400 naming the field for a bad limit, kind or cursor.")
  public MemoryPage list(
      @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The next_cursor of the page before (a memory id of the caller's)")
          @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Only this kind: memory, document or message (a conversation turn)")
          @QueryParam("kind")
          String kind) {
    return list.list(caller.userId(), limit, cursor, kind);
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
