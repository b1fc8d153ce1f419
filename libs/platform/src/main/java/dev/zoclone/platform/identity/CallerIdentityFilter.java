package dev.zoclone.platform.identity;

import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.platform.config.PlatformConfig;
import dev.zoclone.platform.problem.ProblemResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Accepts a request only when it carries the gateway's internal secret and a caller, so services
 * trust {@code X-Zo-User} from the gateway and from no one else. {@code /q/*} stays open.
 */
public class CallerIdentityFilter {
  private final PlatformConfig config;
  private final CurrentCaller caller;

  public CallerIdentityFilter(PlatformConfig config, CurrentCaller caller) {
    this.config = config;
    this.caller = caller;
  }

  @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
  public Response authenticate(ContainerRequestContext request) {
    String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    if (!config.identity().enabled() || path.startsWith("/q/") || path.equals("/q")) {
      return null;
    }
    String secret = request.getHeaderString(ZoHeaders.INTERNAL_SECRET);
    String user = request.getHeaderString(ZoHeaders.USER);
    if (secret == null || !constantTimeEquals(secret, config.internalSecret())) {
      return ProblemResponses.of(
          401,
          "unauthenticated",
          "Unauthenticated",
          "Call this service through the gateway; it accepts no direct calls",
          path);
    }
    if (user == null || user.isBlank()) {
      return ProblemResponses.of(
          401, "unauthenticated", "Unauthenticated", "The request names no caller", path);
    }
    caller.set(user, "true".equalsIgnoreCase(request.getHeaderString(ZoHeaders.ADMIN)));
    return null;
  }

  /** Compares two secrets in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
