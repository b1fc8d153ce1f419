package dev.zoclone.agents.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.ask.AskService;
import dev.zoclone.agents.idempotency.IdempotencyRepository;
import dev.zoclone.agents.idempotency.IdempotentRequests;
import dev.zoclone.agents.idempotency.IdempotentRequests.Claim;
import dev.zoclone.agents.rest.SseWriter.ClientGone;
import dev.zoclone.contract.agents.AskRequest;
import dev.zoclone.contract.agents.AskResponse;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/v1/ask} and Zo's {@code POST /zo/ask}: JSON, or SSE when {@code stream}. */
@Path("/")
public class AskResource {
  private static final ObjectMapper STORED = new ObjectMapper();
  private final AskService asks;
  private final CurrentCaller caller;
  private final IdempotentRequests idempotent;

  public AskResource(AskService asks, CurrentCaller caller, IdempotentRequests idempotent) {
    this.asks = asks;
    this.caller = caller;
    this.idempotent = idempotent;
  }

  @POST
  @Path("api/v1/ask")
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  public Response ask(
      AskRequest request,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context HttpServerRequest http) {
    String owner = caller.userId();
    AskRequest body = requireBody(request);
    if (Boolean.TRUE.equals(body.stream())) {
      return stream(owner, body, idempotent.begin(owner, "ask", idempotencyKey, body), http);
    }
    return idempotent.once(
        owner,
        "ask",
        idempotencyKey,
        body,
        () -> Response.ok(asks.ask(owner, body, null), MediaType.APPLICATION_JSON).build());
  }

  @POST
  @Path("zo/ask")
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  public Response zoAsk(
      AskRequest request,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context HttpServerRequest http) {
    String owner = caller.userId();
    AskRequest body = requireBody(request);
    if (Boolean.TRUE.equals(body.stream())) {
      return stream(owner, body, idempotent.begin(owner, "zo/ask", idempotencyKey, body), http);
    }
    return idempotent.once(
        owner,
        "zo/ask",
        idempotencyKey,
        body,
        () -> {
          AskResponse answer = asks.ask(owner, body, null);
          Map<String, Object> zo = new LinkedHashMap<>();
          zo.put("output", answer.output());
          zo.put("conversation_id", answer.conversationId());
          return Response.ok(zo, MediaType.APPLICATION_JSON).build();
        });
  }

  /**
   * Streams the answer as events; under an Idempotency-Key already answered, sends the stored
   * answer again as one piece and its end.
   */
  private Response stream(String owner, AskRequest body, Claim claim, HttpServerRequest http) {
    StreamingOutput output =
        SseWriter.streaming(
            http,
            events -> {
              if (claim.replay().isPresent()) {
                replay(events, claim.replay().get());
                return;
              }
              try {
                AskResponse answer =
                    asks.ask(
                        owner,
                        body,
                        piece -> events.send("FrontendModelResponse", Map.of("content", piece)));
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("output", answer.output());
                end.put("conversation_id", answer.conversationId());
                if (answer.metadata() != null) {
                  end.put("metadata", answer.metadata());
                }
                claim.done(200, end);
                events.send("End", end);
              } catch (ClientGone e) {
                // The provider's stream was stopped when the first token found nobody to take it.
                Log.debugf("streamed ask of user %s: the client hung up", owner);
                claim.failed();
              } catch (ProblemException e) {
                claim.failed();
                events.send("Error", Map.of("message", e.getMessage()));
              } catch (RuntimeException e) {
                Log.warnf("streamed ask failed: %s", e.toString());
                claim.failed();
                events.send("Error", Map.of("message", "the ask failed"));
              }
            });
    return Response.ok(output, MediaType.SERVER_SENT_EVENTS)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .build();
  }

  private static void replay(SseWriter events, IdempotencyRepository.Stored answer) {
    JsonNode output;
    try {
      output = STORED.readTree(answer.body()).path("output");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored answer is not JSON", e);
    }
    if (output.isTextual()) {
      events.send("FrontendModelResponse", Map.of("content", output.asText()));
    }
    events.send("End", answer.body());
  }

  private static AskRequest requireBody(AskRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("input", "is required");
    }
    return request;
  }
}
