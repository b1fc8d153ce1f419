package dev.zoclone.memory.rest;

import dev.zoclone.contract.memory.ConversationList;
import dev.zoclone.contract.memory.ConversationView;
import dev.zoclone.memory.service.ConversationService;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's conversations, as the public API shows them. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
  private final ConversationService conversations;
  private final CurrentCaller caller;

  public ConversationResource(ConversationService conversations, CurrentCaller caller) {
    this.conversations = conversations;
    this.caller = caller;
  }

  @GET
  public ConversationList list(
      @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
    return conversations.list(caller.userId(), limit, cursor);
  }

  @GET
  @Path("{id}")
  public ConversationView get(@PathParam("id") String id) {
    return conversations.get(caller.userId(), id);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    conversations.delete(caller.userId(), id);
    return Response.noContent().build();
  }
}
