package dev.zoclone.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker node for the chaos run: leases the user's jobs through the gateway and reports each
 * lease's jobs as finished in its next lease, as {@code zo node} does; it rides out a dead service
 * by retrying, and its jobs that were lost in flight are leased again once their lease expires.
 */
final class ChaosNode implements Runnable {
  private final Gateway gateway;
  private volatile boolean running = true;

  ChaosNode(Gateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void run() {
    String node = null;
    String finished = "";
    while (running) {
      try {
        if (node == null) {
          node =
              gateway
                  .call("POST", "/api/v1/nodes", "{\"name\":\"chaos\",\"slots\":8}")
                  .path("node_id")
                  .asText();
        }
        JsonNode answer =
            gateway.call(
                "POST",
                "/api/v1/nodes/" + node + "/lease",
                "{\"max_jobs\":8,\"wait_ms\":1000,\"complete\":[" + finished + "]}");
        finished = completions(answer.path("jobs"));
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  void stop() {
    running = false;
  }

  private static String completions(JsonNode jobs) {
    List<String> parts = new ArrayList<>();
    for (JsonNode job : jobs) {
      parts.add(
          "{\"job_id\":\""
              + job.path("id").asText()
              + "\",\"lease_token\":"
              + job.path("lease_token").asLong()
              + ",\"result\":{}}");
    }
    return String.join(",", parts);
  }
}
