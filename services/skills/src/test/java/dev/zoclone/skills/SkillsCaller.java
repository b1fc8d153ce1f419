package dev.zoclone.skills;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** One user calling the skills service as the gateway would; each test gets fresh users. */
public final class SkillsCaller {
  private final String user;
  private final boolean admin;

  private SkillsCaller(String user, boolean admin) {
    this.user = user;
    this.admin = admin;
  }

  /** A caller no other test shares. */
  public static SkillsCaller fresh() {
    return new SkillsCaller("user-" + UUID.randomUUID(), false);
  }

  /** An admin no other test shares. */
  public static SkillsCaller freshAdmin() {
    return new SkillsCaller("admin-" + UUID.randomUUID(), true);
  }

  public String user() {
    return user;
  }

  public RequestSpecification request() {
    RequestSpecification request =
        given()
            .header("X-Zo-Internal-Secret", "test-internal-secret")
            .header("X-Zo-User", user)
            .contentType(ContentType.JSON);
    return admin ? request.header("X-Zo-Admin", "true") : request;
  }

  /** Uploads an archive (optionally shared) and answers the response. */
  public Response install(byte[] archive, boolean shared) {
    return request()
        .contentType("application/gzip")
        .queryParam("shared", shared)
        .body(archive)
        .post("/api/v1/skills");
  }

  /** Installs an archive and answers its version. */
  public String installed(byte[] archive) {
    return install(archive, false).then().statusCode(201).extract().path("version");
  }

  public Response run(String skill, Object body) {
    return request().body(body).post("/api/v1/skills/" + skill + "/run");
  }
}
