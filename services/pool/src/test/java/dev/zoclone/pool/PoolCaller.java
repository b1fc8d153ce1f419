package dev.zoclone.pool;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One user calling the pool as the gateway would; every test gets a fresh user, so its own queue.
 */
public final class PoolCaller {
  private final String user;

  private PoolCaller(String user) {
    this.user = user;
  }

  /** A caller no other test shares. */
  public static PoolCaller fresh() {
    return new PoolCaller("user-" + UUID.randomUUID());
  }

  public String user() {
    return user;
  }

  public RequestSpecification request() {
    return given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", user)
        .contentType(ContentType.JSON);
  }

  /** A shell job's body with {@code priority}. */
  public static Map<String, Object> shellJob(String command, int priority) {
    return Map.of("kind", "shell", "payload", Map.of("command", command), "priority", priority);
  }

  public Response post(String path, Object body) {
    return request().body(body).post(path);
  }

  /** Submits and answers the new job's id. */
  public String submit(Map<String, Object> body) {
    return post("/api/v1/jobs", body).then().statusCode(201).extract().path("id");
  }

  public JsonPath job(String id) {
    return request().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
  }

  public String status(String id) {
    return job(id).getString("status");
  }

  /** Registers a node and answers its id. */
  public String node(String name, Map<String, String> labels, int slots) {
    return post("/api/v1/nodes", Map.of("name", name, "labels", labels, "slots", slots))
        .then()
        .statusCode(201)
        .extract()
        .path("node_id");
  }

  /** Leases without waiting and answers the leased jobs. */
  public List<Map<String, Object>> lease(String nodeId, int maxJobs) {
    return lease(nodeId, maxJobs, 0);
  }

  public List<Map<String, Object>> lease(String nodeId, int maxJobs, long waitMs) {
    return post(
            "/api/v1/nodes/" + nodeId + "/lease", Map.of("max_jobs", maxJobs, "wait_ms", waitMs))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("jobs");
  }

  public Response complete(String jobId, String nodeId, Object leaseToken, Object result) {
    return post(
        "/api/v1/jobs/" + jobId + "/complete",
        Map.of("node_id", nodeId, "lease_token", leaseToken, "result", result));
  }

  public Response fail(String jobId, String nodeId, Object leaseToken, boolean retryable) {
    return post(
        "/api/v1/jobs/" + jobId + "/fail",
        Map.of(
            "node_id", nodeId, "lease_token", leaseToken, "error", "boom", "retryable", retryable));
  }
}
