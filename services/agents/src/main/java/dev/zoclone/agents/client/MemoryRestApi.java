package dev.zoclone.agents.client;

import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.contract.memory.AppendMessages;
import dev.zoclone.contract.memory.ContextRequest;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.MemoryApi;
import dev.zoclone.contract.memory.StartConversation;
import dev.zoclone.contract.memory.StartedConversation;
import dev.zoclone.contract.memory.SummaryUpdate;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The memory service's routes, as {@link MemoryApi} names them; used only by {@link MemoryClient}.
 */
@RegisterRestClient(configKey = "memory")
interface MemoryRestApi {

  @POST
  @Path(MemoryApi.START)
  StartedConversation start(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      StartConversation body);

  @POST
  @Path(MemoryApi.MESSAGES)
  void append(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      @PathParam("id") String conversationId,
      AppendMessages body);

  @POST
  @Path(MemoryApi.CONTEXT)
  ContextResponse context(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      @PathParam("id") String conversationId,
      ContextRequest body);

  @PUT
  @Path(MemoryApi.SUMMARY)
  void summary(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      @PathParam("id") String conversationId,
      SummaryUpdate body);
}
