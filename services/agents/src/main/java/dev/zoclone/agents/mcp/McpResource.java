package dev.zoclone.agents.mcp;

import dev.zoclone.platform.identity.CurrentCaller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import reactor.core.Disposable;

/**
 * {@code /mcp}: the Model Context Protocol's Streamable HTTP transport over the SDK's sessions. A
 * POST carries one JSON-RPC message: {@code initialize} answers JSON and a session id; any other
 * request answers a server-sent event stream (progress, then the response); notifications and
 * responses answer 202. DELETE ends a session; GET is 405 (the server starts no stream of its own).
 */
@Path("/mcp")
@Tag(name = "MCP")
public class McpResource {
  private static final String SSE = MediaType.SERVER_SENT_EVENTS;

  private final McpSessions sessions;
  private final McpCalls calls;
  private final McpJsonMapper mapper;
  private final CurrentCaller caller;

  public McpResource(
      McpSessions sessions, McpCalls calls, McpJsonMapper mapper, CurrentCaller caller) {
    this.sessions = sessions;
    this.calls = calls;
    this.mapper = mapper;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(summary = "Send one MCP JSON-RPC message (Streamable HTTP transport)")
  public Response post(
      String body,
      @HeaderParam("Accept") String accept,
      @HeaderParam(HttpHeaders.MCP_SESSION_ID) String sessionId,
      @Context HttpServerRequest http) {
    String owner = caller.userId();
    JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(mapper, body == null ? "" : body);
    } catch (IOException | IllegalArgumentException e) {
      return error(400, null, McpSchema.ErrorCodes.PARSE_ERROR, "Invalid JSON-RPC message");
    }
    if (message instanceof JSONRPCRequest request
        && (accept == null
            || !accept.contains(MediaType.APPLICATION_JSON)
            || !accept.contains(SSE))) {
      return error(
          400,
          request.id(),
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "Accept must name application/json and text/event-stream");
    }
    if (message instanceof JSONRPCRequest request
        && request.method().equals(McpSchema.METHOD_INITIALIZE)) {
      return initialize(owner, request);
    }
    if (sessionId == null || sessionId.isBlank()) {
      return error(400, null, McpSchema.ErrorCodes.INVALID_REQUEST, "Mcp-Session-Id is required");
    }
    McpStreamableServerSession session = sessions.find(owner, sessionId).orElse(null);
    if (session == null) {
      return error(404, null, McpSchema.ErrorCodes.INVALID_REQUEST, "Session not found");
    }
    McpTransportContext context = McpOwner.context(owner);
    if (message instanceof JSONRPCRequest request) {
      return stream(session, request, context, http);
    }
    if (message instanceof JSONRPCNotification notification) {
      if (McpCalls.CANCELLED.equals(notification.method())) {
        Map<String, Object> params =
            mapper.convertValue(notification.params(), new TypeRef<Map<String, Object>>() {});
        calls.cancel(sessionId, String.valueOf(params.get("requestId")));
      }
      session
          .accept(notification)
          .contextWrite(c -> c.put(McpTransportContext.KEY, context))
          .block();
    } else if (message instanceof JSONRPCResponse response) {
      session.accept(response).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
    }
    return Response.accepted().build();
  }

  @GET
  @Operation(summary = "Not offered: the server sends nothing outside a request's own stream")
  public Response listen() {
    return Response.status(405).header("Allow", "POST, DELETE").build();
  }

  @DELETE
  @Operation(summary = "End an MCP session")
  public Response end(@HeaderParam(HttpHeaders.MCP_SESSION_ID) String sessionId) {
    String owner = caller.userId();
    if (sessions.find(owner, sessionId).isEmpty()) {
      return error(404, null, McpSchema.ErrorCodes.INVALID_REQUEST, "Session not found");
    }
    sessions.end(sessionId);
    return Response.ok().build();
  }

  private Response initialize(String owner, JSONRPCRequest request) {
    McpSchema.InitializeRequest initialize;
    try {
      initialize = mapper.convertValue(request.params(), McpSchema.InitializeRequest.class);
    } catch (IllegalArgumentException e) {
      return error(
          400, request.id(), McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid initialize params");
    }
    McpStreamableServerSession.McpStreamableServerSessionInit init =
        sessions.start(owner, initialize);
    return json(200, JSONRPCResponse.result(request.id(), init.initResult().block()))
        .header(HttpHeaders.MCP_SESSION_ID, init.session().getId())
        .build();
  }

  private Response stream(
      McpStreamableServerSession session,
      JSONRPCRequest request,
      McpTransportContext context,
      HttpServerRequest http) {
    String sessionId = session.getId();
    String requestId = String.valueOf(request.id());
    StreamingOutput output =
        out -> {
          SseTransport transport = new SseTransport(out, mapper);
          transport.open();
          Disposable work =
              session
                  .responseStream(request, transport)
                  .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                  .subscribe(done -> {}, failed -> transport.close(), transport::close);
          calls.started(sessionId, requestId, work, transport);
          // A client that hangs up cancels its call.
          http.connection().closeHandler(closed -> calls.cancel(sessionId, requestId));
          try {
            transport.awaitClosed();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.dispose();
          } finally {
            calls.ended(sessionId, requestId);
          }
        };
    return Response.ok(output, SSE)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .build();
  }

  private Response error(int status, Object id, int code, String message) {
    // JSON-RPC answers an unreadable request with a null id, which the SDK's record refuses.
    Map<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    error.put("id", id);
    error.put("error", Map.of("code", code, "message", message));
    return json(status, error).build();
  }

  private Response.ResponseBuilder json(int status, Object value) {
    try {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON)
          .entity(mapper.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
