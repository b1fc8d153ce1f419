package dev.zoclone.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.pool.CompleteJobRequest;
import dev.zoclone.contract.pool.CompleteJobsRequest;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.FailJobRequest;
import dev.zoclone.contract.pool.HeartbeatRequest;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.JobCompletion;
import dev.zoclone.contract.pool.LeaseRequest;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.RegisterNodeRequest;
import dev.zoclone.contract.pool.RegisteredNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@link PoolApi} over HTTP: through the gateway with a bearer token, or straight to a pool service
 * with the gateway's headers (tests, the chaos run). It reads error responses itself, so failures
 * are classified by problem type ({@link PoolProblems}).
 */
public final class GatewayPoolApi implements PoolApi {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  // the long poll waits up to LONG_POLL_MS on the server; leave room for the answer
  private static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(45);

  private final GatewayAccess access;
  private final HttpClient http;

  private GatewayPoolApi(GatewayAccess access) {
    this.access = access;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** Calls the pool routes through {@code access}. */
  public static GatewayPoolApi of(GatewayAccess access) {
    return new GatewayPoolApi(access);
  }

  /** Calls the gateway at {@code gatewayUrl} as the owner of {@code token}. */
  public static GatewayPoolApi withToken(URI gatewayUrl, String token) {
    return new GatewayPoolApi(GatewayAccess.withToken(gatewayUrl, token));
  }

  /** Calls {@code base} sending {@code headers} with every request. */
  public static GatewayPoolApi withHeaders(URI base, Map<String, String> headers) {
    return new GatewayPoolApi(new GatewayAccess(base, headers));
  }

  @Override
  public RegisteredNode register(
      String name, Map<String, String> labels, int slots, List<String> kinds) {
    return post(
        "/api/v1/nodes",
        new RegisterNodeRequest(name, labels, slots, kinds),
        RegisteredNode.class,
        REQUEST_TIMEOUT);
  }

  @Override
  public HeartbeatResponse heartbeat(String nodeId, List<String> running) {
    return post(
        nodePath(nodeId, "heartbeat"),
        new HeartbeatRequest(running),
        HeartbeatResponse.class,
        REQUEST_TIMEOUT);
  }

  @Override
  public LeaseResponse lease(
      String nodeId, int maxJobs, long waitMs, List<String> kinds, List<JobCompletion> complete) {
    return post(
        nodePath(nodeId, "lease"),
        new LeaseRequest(maxJobs, waitMs, kinds, complete.isEmpty() ? null : complete),
        LeaseResponse.class,
        LONG_POLL_TIMEOUT);
  }

  @Override
  public void complete(String jobId, String nodeId, long leaseToken, JsonNode result) {
    post(
        jobPath(jobId, "complete"),
        new CompleteJobRequest(nodeId, leaseToken, result),
        null,
        REQUEST_TIMEOUT);
  }

  @Override
  public CompletedJobs completeAll(String nodeId, List<JobCompletion> jobs) {
    return post(
        nodePath(nodeId, "complete"),
        new CompleteJobsRequest(jobs),
        CompletedJobs.class,
        REQUEST_TIMEOUT);
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
        jobPath(jobId, "fail"),
        new FailJobRequest(nodeId, leaseToken, error, retryable, result),
        null,
        REQUEST_TIMEOUT);
  }

  private static String nodePath(String nodeId, String action) {
    return "/api/v1/nodes/" + GatewayAccess.encode(nodeId) + "/" + action;
  }

  private static String jobPath(String jobId, String action) {
    return "/api/v1/jobs/" + GatewayAccess.encode(jobId) + "/" + action;
  }

  private <T> T post(String path, Object body, Class<T> type, Duration timeout) {
    HttpRequest.Builder request =
        access
            .request(path)
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    WorkerJson.write(body), StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable("cannot reach the pool at " + access.base() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while calling the pool", e);
    }
    if (response.statusCode() >= 400) {
      throw PoolProblems.classify(response.statusCode(), response.body());
    }
    if (type == null) {
      return null;
    }
    try {
      return WorkerJson.read(response.body(), type);
    } catch (IllegalArgumentException e) {
      throw new Unavailable(e.getMessage(), e);
    }
  }
}
