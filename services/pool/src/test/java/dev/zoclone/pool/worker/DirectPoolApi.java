package dev.zoclone.pool.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.pool.PoolApi;
import dev.zoclone.contract.pool.CompleteJobRequest;
import dev.zoclone.contract.pool.FailJobRequest;
import dev.zoclone.contract.pool.HeartbeatRequest;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.LeaseRequest;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.RegisterNodeRequest;
import dev.zoclone.contract.pool.RegisteredNode;
import dev.zoclone.platform.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The worker's {@link PoolApi} over real HTTP to the test app, as the gateway would call it. */
final class DirectPoolApi implements PoolApi {
  private final URI base;
  private final String user;
  private final HttpClient http = HttpClient.newHttpClient();

  DirectPoolApi(URI base, String user) {
    this.base = base;
    this.user = user;
  }

  @Override
  public RegisteredNode register(String name, Map<String, String> labels, int slots) {
    return post(
        "/api/v1/nodes", new RegisterNodeRequest(name, labels, slots), RegisteredNode.class);
  }

  @Override
  public HeartbeatResponse heartbeat(String nodeId, List<String> running) {
    return post(
        "/api/v1/nodes/" + nodeId + "/heartbeat",
        new HeartbeatRequest(running),
        HeartbeatResponse.class);
  }

  @Override
  public LeaseResponse lease(String nodeId, int maxJobs, long waitMs, List<String> kinds) {
    return post(
        "/api/v1/nodes/" + nodeId + "/lease",
        new LeaseRequest(maxJobs, waitMs, kinds),
        LeaseResponse.class);
  }

  @Override
  public void complete(String jobId, String nodeId, long leaseToken, JsonNode result) {
    post(
        "/api/v1/jobs/" + jobId + "/complete",
        new CompleteJobRequest(nodeId, leaseToken, result),
        JsonNode.class);
  }

  @Override
  public void fail(
      String jobId,
      String nodeId,
      long leaseToken,
      String error,
      boolean retryable,
      JsonNode result) {
    post(
        "/api/v1/jobs/" + jobId + "/fail",
        new FailJobRequest(nodeId, leaseToken, error, retryable, result),
        JsonNode.class);
  }

  private <T> T post(String path, Object body, Class<T> type) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve(path))
                  .timeout(Duration.ofSeconds(40))
                  .header("Content-Type", "application/json")
                  .header("X-Zo-Internal-Secret", "test-internal-secret")
                  .header("X-Zo-User", user)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          EventJson.mapper().writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        throw new Unavailable("HTTP " + response.statusCode(), null);
      }
      if (response.statusCode() >= 400) {
        throw new Refused("HTTP " + response.statusCode() + ": " + response.body());
      }
      return EventJson.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw new Unavailable(e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted", e);
    }
  }
}
