package dev.zoclone.agents.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.skills.SkillDetail;
import dev.zoclone.contract.skills.SkillRunRequest;
import dev.zoclone.contract.skills.SkillSummary;
import dev.zoclone.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The skills service as the agents use it, always on behalf of one user. Failures become a {@link
 * SkillsUnavailable} whose message the model can read; timeouts are the REST client's {@code
 * quarkus.rest-client.skills.*-timeout}.
 */
@ApplicationScoped
public class SkillsClient {
  private final SkillsRestApi api;
  private final String secret;

  public SkillsClient(@RestClient SkillsRestApi api, PlatformConfig platform) {
    this.api = api;
    this.secret = platform.internalSecret();
  }

  /** A failed call to the skills service, described for the model. */
  public static class SkillsUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SkillsUnavailable(String message) {
      super(message);
    }
  }

  /** The skills the user can use. */
  public List<SkillSummary> list(String user) {
    return call(() -> api.list(secret, user));
  }

  /** One skill: frontmatter, body and files. */
  public SkillDetail show(String user, String name) {
    return call(() -> api.show(secret, user, name));
  }

  /** One file of a skill, as text. */
  public String file(String user, String name, String path) {
    return new String(call(() -> api.file(secret, user, name, path)), StandardCharsets.UTF_8);
  }

  /** Runs a script of a skill and answers the run's JSON. */
  public JsonNode run(String user, String name, SkillRunRequest request) {
    return call(() -> api.run(secret, user, name, request));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (WebApplicationException e) {
      String body = "";
      try {
        body = e.getResponse().readEntity(String.class);
      } catch (RuntimeException unreadable) {
        // the status alone still explains the failure
      }
      throw new SkillsUnavailable(
          "the skills service answered HTTP " + e.getResponse().getStatus() + " " + body);
    } catch (ProcessingException e) {
      throw new SkillsUnavailable("the skills service is not reachable");
    }
  }
}
