package dev.zoclone.cli.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.contract.pool.CompleteJobRequest;
import dev.zoclone.contract.pool.FailJobRequest;
import dev.zoclone.contract.pool.HeartbeatRequest;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.LeaseRequest;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.RegisterNodeRequest;
import dev.zoclone.contract.pool.RegisteredNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@link PoolApi} through the gateway, with the caller's token. */
public final class GatewayPoolApi implements PoolApi {
  private static final List<String> FINAL_TITLES = List.of("Conflict", "Not found", "Invalid");

  private final GatewayClient gateway;
  private final GatewayClient longPoll;

  public GatewayPoolApi(GatewayClient gateway) {
    this.gateway = gateway.withRequestTimeout(Duration.ofSeconds(15));
    this.longPoll = gateway.withRequestTimeout(Duration.ofSeconds(45));
  }

  @Override
  public RegisteredNode register(String name, Map<String, String> labels, int slots) {
    return call(
        () ->
            gateway
                .post("/api/v1/nodes", new RegisterNodeRequest(name, labels, slots))
                .read(RegisteredNode.class));
  }

  @Override
  public HeartbeatResponse heartbeat(String nodeId, List<String> running) {
    return call(
        () ->
            gateway
                .post(nodePath(nodeId, "heartbeat"), new HeartbeatRequest(running))
                .read(HeartbeatResponse.class));
  }

  @Override
  public LeaseResponse lease(String nodeId, int maxJobs, long waitMs, List<String> kinds) {
    return call(
        () ->
            longPoll
                .post(nodePath(nodeId, "lease"), new LeaseRequest(maxJobs, waitMs, kinds))
                .read(LeaseResponse.class));
  }

  @Override
  public void complete(String jobId, String nodeId, long leaseToken, JsonNode result) {
    call(
        () ->
            gateway.post(
                jobPath(jobId, "complete"), new CompleteJobRequest(nodeId, leaseToken, result)));
  }

  @Override
  public void fail(
      String jobId,
      String nodeId,
      long leaseToken,
      String error,
      boolean retryable,
      JsonNode result) {
    call(
        () ->
            gateway.post(
                jobPath(jobId, "fail"),
                new FailJobRequest(nodeId, leaseToken, error, retryable, result)));
  }

  private static String nodePath(String nodeId, String action) {
    return "/api/v1/nodes/" + GatewayClient.pathSegment(nodeId) + "/" + action;
  }

  private static String jobPath(String jobId, String action) {
    return "/api/v1/jobs/" + GatewayClient.pathSegment(jobId) + "/" + action;
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (CliFailure e) {
      String message = String.valueOf(e.getMessage());
      if (e.exitCode() == ExitCodes.FAILURE
          && FINAL_TITLES.stream().anyMatch(message::startsWith)) {
        throw new Refused(message);
      }
      throw new Unavailable(message, e);
    }
  }
}
