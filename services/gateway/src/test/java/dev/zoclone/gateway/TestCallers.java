package dev.zoclone.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Callers for tests: the bootstrap admin, and fresh users made through the API. */
public final class TestCallers {
  private TestCallers() {}

  /** The admin-token file of the gateway under test. */
  public static Path adminTokenFile() {
    return Path.of(ConfigProvider.getConfig().getValue("zo.gateway.home", String.class))
        .resolve("admin-token");
  }

  /** The admin token, as an operator would read it from the file. */
  public static String adminToken() {
    try {
      return Files.readString(adminTokenFile()).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unique user name starting with {@code prefix}. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A new non-admin user, created by the admin: {@code id}, {@code name}, {@code token}. */
  public static JsonPath newUser(String prefix) {
    return given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("name", uniqueName(prefix)))
        .when()
        .post("/api/v1/users")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }
}
