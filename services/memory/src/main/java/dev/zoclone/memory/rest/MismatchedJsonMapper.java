package dev.zoclone.memory.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.zoclone.contract.Problem;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.platform.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JSON of the wrong shape (a list where a map belongs, say) as a problem naming the field;
 * Quarkus's own mapper for this exception would otherwise answer plain JSON.
 */
public class MismatchedJsonMapper {
  @ServerExceptionMapper(priority = 1)
  public Response mismatched(MismatchedInputException e, UriInfo uri) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    String name = field.isEmpty() ? "body" : field;
    return ProblemResponses.of(
        new Problem(
            Problem.type("validation"),
            "Invalid request",
            400,
            name + ": has the wrong JSON type",
            "/" + uri.getPath().replaceFirst("^/", ""),
            List.of(new FieldError(name, "has the wrong JSON type"))));
  }
}
