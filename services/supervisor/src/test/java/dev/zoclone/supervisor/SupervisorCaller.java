package dev.zoclone.supervisor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One user calling the supervisor as the gateway would; every test gets a fresh user. */
public final class SupervisorCaller {
  private final String user;

  private SupervisorCaller(String user) {
    this.user = user;
  }

  /** A caller no other test shares. */
  public static SupervisorCaller fresh() {
    return new SupervisorCaller("user-" + UUID.randomUUID());
  }

  public String user() {
    return user;
  }

  public RequestSpecification request() {
    return given()
        .header("X-Zo-Internal-Secret", "test-internal-secret")
        .header("X-Zo-User", user)
        .header("X-Zo-User-Name", "ada")
        .contentType(ContentType.JSON);
  }

  /** A definition running {@code script} with bash, plus {@code extra} fields. */
  public static Map<String, Object> bash(String name, String script, Object... extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("command", "/usr/bin/bash");
    body.put("args", List.of("-c", script));
    for (int i = 0; i < extra.length; i += 2) {
      body.put((String) extra[i], extra[i + 1]);
    }
    return body;
  }

  public Response create(Map<String, Object> body) {
    return request().body(body).post("/api/v1/processes");
  }

  /** Creates and answers the new process. */
  public JsonPath created(Map<String, Object> body) {
    return create(body).then().statusCode(201).extract().jsonPath();
  }

  public JsonPath get(String name) {
    return request().get("/api/v1/processes/" + name).then().statusCode(200).extract().jsonPath();
  }

  public JsonPath action(String name, String action) {
    return request()
        .post("/api/v1/processes/" + name + "/" + action)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the process is in {@code status} and answers it then. */
  public JsonPath awaitStatus(String name, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> status.equals(get(name).getString("status")));
    return get(name);
  }

  /** The last {@code tail} log lines' texts of {@code stream}. */
  public List<String> logs(String name, String stream, int tail) {
    return request()
        .queryParam("stream", stream)
        .queryParam("tail", tail)
        .get("/api/v1/processes/" + name + "/logs")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("lines.text", String.class);
  }

  /** Deletes every process of this caller. */
  public void deleteAll() {
    List<String> names =
        request().get("/api/v1/processes").then().extract().jsonPath().getList("processes.name");
    for (String name : names) {
      request().delete("/api/v1/processes/" + name).then().statusCode(204);
    }
  }
}
