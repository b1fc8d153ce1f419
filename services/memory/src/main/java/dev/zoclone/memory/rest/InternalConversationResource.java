package dev.zoclone.memory.rest;

import dev.zoclone.contract.memory.AppendMessages;
import dev.zoclone.contract.memory.ContextRequest;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.ConversationRef;
import dev.zoclone.contract.memory.MemoryApi;
import dev.zoclone.contract.memory.NewConversation;
import dev.zoclone.contract.memory.StartConversation;
import dev.zoclone.contract.memory.StartedConversation;
import dev.zoclone.contract.memory.SummaryUpdate;
import dev.zoclone.memory.service.ConversationService;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The routes the agents service calls to keep conversations and build their context. */
@Path(MemoryApi.CONVERSATIONS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InternalConversationResource {

  private final ConversationService conversations;
  private final CurrentCaller caller;

  public InternalConversationResource(ConversationService conversations, CurrentCaller caller) {
    this.conversations = conversations;
    this.caller = caller;
  }

  @POST
  public Response create(NewConversation request) {
    ConversationRef created = conversations.create(caller.userId(), request);
    return Response.status(201).entity(created).build();
  }

  /** Starts a conversation and answers the context of its first message, in one call. */
  @POST
  @Path("start")
  public Response start(StartConversation request) {
    StartedConversation started = conversations.start(caller.userId(), request);
    return Response.status(201).entity(started).build();
  }

  /** Answers the appended turns with their ids and times. */
  @POST
  @Path("{id}/messages")
  public AppendMessages append(@PathParam("id") String id, AppendMessages request) {
    return new AppendMessages(conversations.append(caller.userId(), id, request));
  }

  @POST
  @Path("{id}/context")
  public ContextResponse context(@PathParam("id") String id, ContextRequest request) {
    return conversations.context(caller.userId(), id, request);
  }

  @PUT
  @Path("{id}/summary")
  public Response replaceSummary(@PathParam("id") String id, SummaryUpdate update) {
    conversations.updateSummary(caller.userId(), id, update);
    return Response.noContent().build();
  }

  /** The same as PUT, for clients that post every write. */
  @POST
  @Path("{id}/summary")
  public Response postSummary(@PathParam("id") String id, SummaryUpdate update) {
    return replaceSummary(id, update);
  }
}
