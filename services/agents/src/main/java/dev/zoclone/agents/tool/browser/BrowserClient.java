package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.browser.NewSession;
import dev.zoclone.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The browser service as the agents' tools use it, on behalf of one user. A failure becomes a
 * {@link BrowserFailure} whose message the model can read; a lost or closed session is told apart
 * so the caller can open a new one.
 */
@ApplicationScoped
public class BrowserClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BrowserRestApi api;
  private final String secret;

  public BrowserClient(@RestClient BrowserRestApi api, PlatformConfig platform) {
    this.api = api;
    this.secret = platform.internalSecret();
  }

  /** Opens an anonymous session that the browser service closes after {@code idleMs} unused. */
  public String open(String user, long idleMs) {
    return call(
        a -> a.open(secret, user, new NewSession(null, null, null, null, null, idleMs)).id());
  }

  /** Runs {@code request} against the browser service's routes for {@code user}. */
  <T> T call(String user, Request<T> request) {
    return call(a -> request.send(a, secret, user));
  }

  /** One request to the browser service. */
  @FunctionalInterface
  interface Request<T> {
    T send(BrowserRestApi api, String secret, String user);
  }

  private <T> T call(Function<BrowserRestApi, T> request) {
    try {
      return request.apply(api);
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      JsonNode problem = problem(e);
      throw new BrowserFailure(
          status,
          problem.path("type").asText(""),
          problem.path("detail").asText("the browser service answered HTTP " + status));
    } catch (ProcessingException e) {
      throw new BrowserFailure(503, "the browser service is not reachable");
    }
  }

  private static JsonNode problem(WebApplicationException e) {
    try {
      return JSON.readTree(e.getResponse().readEntity(String.class));
    } catch (RuntimeException | java.io.IOException unreadable) {
      return JSON.createObjectNode();
    }
  }

  /** The browser service refused or failed; {@code status} is its HTTP status. */
  public static final class BrowserFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    BrowserFailure(int status, String type, String message) {
      super(message);
      this.status = status;
      this.type = type;
    }

    BrowserFailure(int status, String message) {
      this(status, "", message);
    }

    /** The session is gone (closed, expired, or its browser lost): open a new one. */
    public boolean sessionGone() {
      return status == 410 || (status == 404 && type.endsWith("/not-found"));
    }

    public int status() {
      return status;
    }
  }
}
