package dev.zoclone.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.zoclone.contract.Problem;
import dev.zoclone.contract.Problem.FieldError;
import dev.zoclone.platform.json.RefusedTextException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become problem+json responses in every service. */
public class ProblemMappers {
  /** A lower-case letter or digit followed by an upper-case one: a word boundary in camelCase. */
  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response response = ProblemResponses.of(e.toProblem(path(uri)));
    if (e.retryAfterSeconds() == null) {
      return response;
    }
    return Response.fromResponse(response)
        .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return ProblemResponses.of(
        new Problem(Problem.type("validation"), "Invalid request", 400, detail, path(uri), errors));
  }

  /**
   * JSON of the wrong shape (a string where a number belongs, a list where a map belongs) names the
   * field; the priority puts it ahead of Quarkus's own mapper, which answers plain JSON.
   */
  @ServerExceptionMapper(priority = 1)
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    String name = field.isEmpty() ? "body" : field;
    if (field.isEmpty() && e.getOriginalMessage().startsWith("Trailing token")) {
      return malformedJson(e, uri);
    }
    String message =
        e instanceof RefusedTextException ? e.getOriginalMessage() : "has the wrong JSON type";
    return ProblemResponses.of(
        new Problem(
            Problem.type("validation"),
            "Invalid request",
            400,
            name + ": " + message,
            path(uri),
            List.of(new FieldError(name, message))));
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    return ProblemResponses.of(
        400,
        "malformed-json",
        "Malformed JSON",
        "The request body is not valid JSON for this route: " + e.getOriginalMessage(),
        path(uri));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json, uri);
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return ProblemResponses.of(status, slug, title, e.getMessage(), path(uri));
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    String reference = UUID.randomUUID().toString();
    Log.errorf(e, "unexpected error, reference %s", reference);
    return ProblemResponses.of(
        500,
        "internal",
        "Internal error",
        "Unexpected error; quote reference " + reference + " when reporting it",
        path(uri));
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }

  /**
   * {@code create.body.name} names the field {@code name}: drop method and parameter, and spell
   * each property as the JSON does ({@code timeoutMs} is {@code timeout_ms}).
   */
  private static String fieldName(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    String field =
        parts.length > 2
            ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
            : parts[parts.length - 1];
    return CAMEL_HUMP
        .matcher(field)
        .replaceAll(hump -> hump.group(1) + "_" + hump.group(2).toLowerCase(Locale.ROOT));
  }
}
