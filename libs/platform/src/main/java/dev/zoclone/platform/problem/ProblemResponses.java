package dev.zoclone.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.Problem;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  /** A response carrying {@code problem} with its status and the problem media type. */
  public static Response of(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(toJson(problem))
        .build();
  }

  /** A problem without field errors. */
  public static Response of(int status, String slug, String title, String detail, String path) {
    return of(new Problem(Problem.type(slug), title, status, detail, path, null));
  }

  /** The problem serialized as JSON. */
  public static String toJson(Problem problem) {
    try {
      return JSON.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem record always serializes", e);
    }
  }
}
