package dev.zoclone.scheduler;

import static io.restassured.RestAssured.given;

import dev.zoclone.contract.ZoHeaders;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the gateway sends them: with its secret and the caller's id. */
public final class Api {
  private Api() {}

  /** A JSON request on behalf of {@code user}. */
  public static RequestSpecification as(String user) {
    return given()
        .header(ZoHeaders.INTERNAL_SECRET, "test-internal-secret")
        .header(ZoHeaders.USER, user)
        .contentType(ContentType.JSON);
  }
}
