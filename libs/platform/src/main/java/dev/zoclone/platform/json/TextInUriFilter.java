package dev.zoclone.platform.json;

import dev.zoclone.platform.problem.ProblemResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link TextRules} to the decoded path and query of every request, so an id or a cursor
 * such as {@code %00} is a 400 problem before any route or query sees it.
 */
public class TextInUriFilter {

  @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
  public Response check(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    String path;
    Map<String, List<String>> query;
    try {
      path = uri.getPath(true);
      query = uri.getQueryParameters(true);
    } catch (IllegalArgumentException e) {
      return refuse(uri, "the URI is not validly percent-encoded");
    }
    String problem = TextRules.problemIn(path);
    if (problem != null) {
      return refuse(uri, "the path " + problem);
    }
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        String found = TextRules.problemIn(parameter.getKey() + value);
        if (found != null) {
          return refuse(uri, "query parameter '" + parameter.getKey() + "' " + found);
        }
      }
    }
    return null;
  }

  private static Response refuse(UriInfo uri, String detail) {
    return ProblemResponses.of(
        400, "invalid-text", "Invalid text in the URI", detail, uri.getRequestUri().getRawPath());
  }
}
