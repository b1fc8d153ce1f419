package dev.zoclone.gateway.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.zoclone.gateway.GatewayTestProfile;
import dev.zoclone.gateway.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AdminBootstrapTest {
  @Inject AdminBootstrap bootstrap;

  @Test
  void firstStartWritesAnOwnerOnlyAdminTokenThatWorks() throws IOException {
    Path file = TestCallers.adminTokenFile();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(TestCallers.adminToken()).startsWith("zo_");
    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", is("admin"))
        .body("admin", is(true));
  }

  @Test
  void aMissingAdminTokenFileIsReplacedWithANewWorkingToken() throws IOException {
    String before = TestCallers.adminToken();
    Files.delete(TestCallers.adminTokenFile());

    bootstrap.ensureAdminToken();

    String after = TestCallers.adminToken();
    assertThat(after).isNotEqualTo(before);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(TestCallers.adminTokenFile())))
        .isEqualTo("rw-------");
    given()
        .auth()
        .oauth2(after)
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("admin", is(true));
  }

  @Test
  void aStaleAdminTokenFileIsReplaced() throws IOException {
    Files.writeString(TestCallers.adminTokenFile(), "zo_" + "x".repeat(43));

    bootstrap.ensureAdminToken();

    given()
        .auth()
        .oauth2(TestCallers.adminToken())
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("admin", is(true));
  }

  @Test
  void aWorkingAdminTokenFileIsKeptAcrossRestarts() {
    String before = TestCallers.adminToken();

    bootstrap.ensureAdminToken();

    assertThat(TestCallers.adminToken()).isEqualTo(before);
  }
}
