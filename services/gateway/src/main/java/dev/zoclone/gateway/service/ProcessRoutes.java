package dev.zoclone.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.contract.processes.ProcessRoute;
import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.repository.UserEntity;
import dev.zoclone.gateway.repository.UserRepository;
import dev.zoclone.platform.config.PlatformConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where a public route {@code /p/<user name>/<process name>/} goes: the owner by name (from
 * the users table), then the process's status, visibility, host and port from the supervisor's
 * internal route (asked as the owner, with the internal secret). Answers are cached briefly.
 */
@ApplicationScoped
public class ProcessRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  private final UserRepository users;
  private final URI supervisor;
  private final String internalSecret;
  private final long ttlNanos;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(LOOKUP_TIMEOUT)
          .build();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public ProcessRoutes(UserRepository users, GatewayConfig config, PlatformConfig platform) {
    this.users = users;
    GatewayConfig.Service service = config.services().get("supervisor");
    this.supervisor = service == null ? null : service.url().get(0);
    this.internalSecret = platform.internalSecret();
    this.ttlNanos = config.processRouteCacheTtl().toNanos();
  }

  /** A process's route and its owner's id. */
  public record Target(String ownerId, ProcessRoute route) {}

  /** Thrown when the supervisor cannot be asked. */
  public static class LookupFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LookupFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Where {@code userName}'s process {@code process} runs; empty when there is no such one. */
  public Optional<Target> find(String userName, String process) {
    String key = userName + "/" + process;
    Cached cached = cache.get(key);
    if (cached != null && System.nanoTime() - cached.at() < ttlNanos) {
      return cached.target();
    }
    Optional<Target> found = lookUp(userName, process);
    cache.put(key, new Cached(found, System.nanoTime()));
    return found;
  }

  private Optional<Target> lookUp(String userName, String process) {
    Optional<String> owner =
        QuarkusTransaction.requiringNew()
            .call(() -> users.findByName(userName).map((UserEntity user) -> user.id));
    if (owner.isEmpty() || supervisor == null) {
      return Optional.empty();
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                supervisor.resolve(
                    "/internal/v1/routes/" + URLEncoder.encode(process, StandardCharsets.UTF_8)))
            .header(ZoHeaders.USER, owner.get())
            .header(ZoHeaders.INTERNAL_SECRET, internalSecret)
            .timeout(LOOKUP_TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new LookupFailed("the supervisor answered " + response.statusCode(), null);
      }
      return Optional.of(
          new Target(owner.get(), JSON.readValue(response.body(), ProcessRoute.class)));
    } catch (IOException e) {
      throw new LookupFailed("cannot reach the supervisor", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LookupFailed("interrupted", e);
    }
  }

  private record Cached(Optional<Target> target, long at) {}
}
