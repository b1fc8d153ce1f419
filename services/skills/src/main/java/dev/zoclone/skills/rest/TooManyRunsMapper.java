package dev.zoclone.skills.rest;

import dev.zoclone.contract.Problem;
import dev.zoclone.skills.service.TooManyRunsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a run past the caller's concurrent-run limit with 429 and {@code Retry-After}. */
public class TooManyRunsMapper {
  @ServerExceptionMapper
  public Response tooMany(TooManyRunsException e, UriInfo uri) {
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", "1")
        .entity(
            new Problem(
                Problem.type("too-many-runs"),
                "Too many runs",
                429,
                e.getMessage(),
                uri.getPath(),
                null))
        .build();
  }
}
