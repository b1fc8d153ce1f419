package dev.zoclone.memory.rest;

import dev.zoclone.contract.memory.ConversationList;
import dev.zoclone.contract.memory.ConversationSummary;
import dev.zoclone.contract.memory.ConversationView;
import dev.zoclone.contract.memory.RenameConversation;
import dev.zoclone.memory.service.ConversationService;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
  @Operation(
      summary = "A page of the caller's conversations, newest first",
      description =
          "With q, only the conversations whose title or one of whose messages contains q"
              + " (case-insensitive).")
  public ConversationList list(
      @QueryParam("limit") @DefaultValue("20") int limit,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "Text the title or a message must contain (at most 200 chars)")
          @QueryParam("q")
          String q) {
    return conversations.list(caller.userId(), limit, cursor, q);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rename one of the caller's conversations",
      description =
          "The title must have text and at most 200 characters; 404 when not the caller's.")
  public ConversationSummary rename(@PathParam("id") String id, RenameConversation body) {
    return conversations.rename(caller.userId(), id, body);
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
