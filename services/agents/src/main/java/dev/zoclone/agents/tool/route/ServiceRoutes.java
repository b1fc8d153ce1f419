package dev.zoclone.agents.tool.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.tool.ToolsConfig;
import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Calls the services' own REST routes as the caller (the internal secret and {@code X-Zo-User}, as
 * the gateway forwards a user's request), so a tool never has more rights than its caller. The
 * answer is the route's JSON as text; a refusal or an outage is a short {@code error:} text.
 */
@ApplicationScoped
public class ServiceRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ToolsConfig config;
  private final String secret;
  private final HttpClient http;

  public ServiceRoutes(ToolsConfig config, PlatformConfig platform) {
    this.config = config;
    this.secret = platform.internalSecret();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** How a service answered: its status and body, or why it could not be reached. */
  public record Answer(int status, String body, String failure) {
    /** Whether the route answered 2xx. */
    public boolean ok() {
      return failure == null && status >= 200 && status < 300;
    }
  }

  /** Sends {@code request} as {@code user} and answers what the model reads back. */
  public String call(String user, ServiceRequest request) {
    Answer answer = send(user, request);
    if (answer.failure() != null) {
      return "error: " + answer.failure();
    }
    if (answer.ok()) {
      return answer.body() == null || answer.body().isBlank() ? "done" : answer.body();
    }
    return "error: HTTP " + answer.status() + ": " + problem(answer.body());
  }

  /** Sends {@code request} as {@code user}. */
  public Answer send(String user, ServiceRequest request) {
    String base = config.services().get(request.service());
    if (base == null) {
      return new Answer(0, null, "the " + request.service() + " service is not configured here");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + request.path()))
            .timeout(config.timeout())
            .header(ZoHeaders.INTERNAL_SECRET, secret)
            .header(ZoHeaders.USER, user)
            .header("Accept", "application/json");
    if (request.body() == null) {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body().toString()));
    }
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), null);
    } catch (HttpTimeoutException e) {
      return new Answer(0, null, "the " + request.service() + " service did not answer in time");
    } catch (IOException e) {
      return new Answer(0, null, "the " + request.service() + " service is not reachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "the call was cancelled");
    }
  }

  /** A problem's detail (or title), or the body itself when it is no problem document. */
  public static String problem(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      String detail = problem.path("detail").asText(problem.path("title").asText(""));
      if (!detail.isBlank()) {
        return detail;
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the text itself is the explanation
    }
    return body == null || body.isBlank()
        ? "no detail"
        : body.substring(0, Math.min(body.length(), 500));
  }
}
