package dev.zoclone.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** A route for exercising the platform's filters and mappers as a service would. */
@Path("/api/v1/echo")
public class EchoResource {
  private final CurrentCaller caller;

  public EchoResource(CurrentCaller caller) {
    this.caller = caller;
  }

  /** A validated request body. */
  public record EchoRequest(@NotBlank String text, @Min(1) @Max(10) int times) {}

  @GET
  public Map<String, String> whoAmI() {
    return Map.of("user", caller.userId());
  }

  @POST
  public Map<String, String> echo(@Valid EchoRequest request) {
    return Map.of("echo", request.text().repeat(request.times()));
  }

  @POST
  @Path("/free")
  public JsonNode free(JsonNode body) {
    return body;
  }

  /** A body with an optional free-form field. */
  public record Optional(String text, JsonNode extra) {}

  @POST
  @Path("/optional")
  public Map<String, String> optional(Optional body) {
    return Map.of("extra", body.extra() == null ? "absent" : body.extra().toString());
  }

  @POST
  @Path("/map")
  public Map<String, String> map(Map<String, String> body) {
    return body;
  }

  @GET
  @Path("/{thing}")
  public Map<String, String> thing(@PathParam("thing") String thing) {
    if (thing.equals("boom")) {
      throw new IllegalStateException("secret internal detail");
    }
    throw ProblemException.notFound("thing " + thing);
  }
}
