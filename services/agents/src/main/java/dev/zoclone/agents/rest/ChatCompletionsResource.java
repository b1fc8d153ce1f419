package dev.zoclone.agents.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.agents.models.OpenAiCompatibility;
import dev.zoclone.agents.rest.SseWriter.ClientGone;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;

/** {@code POST /v1/chat/completions}: OpenAI-compatible, with the caller's own keys. */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {
  private final OpenAiCompatibility openAi;
  private final CurrentCaller caller;

  public ChatCompletionsResource(OpenAiCompatibility openAi, CurrentCaller caller) {
    this.openAi = openAi;
    this.caller = caller;
  }

  @POST
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  public Response complete(JsonNode body, @Context HttpServerRequest http) {
    String owner = caller.userId();
    if (body == null) {
      throw ProblemException.badRequest("model", "is required");
    }
    if (!body.path("stream").asBoolean(false)) {
      return Response.ok(openAi.complete(owner, body), MediaType.APPLICATION_JSON).build();
    }
    StreamingOutput output =
        SseWriter.streaming(
            http,
            events -> {
              try {
                openAi.stream(owner, body, chunk -> events.send(null, chunk));
              } catch (ClientGone e) {
                // The provider's stream was stopped when a chunk found nobody to take it.
                Log.debugf("streamed chat completion of user %s: the client hung up", owner);
                return;
              } catch (ProblemException e) {
                events.send(
                    null,
                    Map.of("error", Map.of("message", e.getMessage(), "type", "provider_error")));
              }
              events.send(null, "[DONE]");
            });
    return Response.ok(output, MediaType.SERVER_SENT_EVENTS)
        .header("Cache-Control", "no-cache")
        .build();
  }
}
