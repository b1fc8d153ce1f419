package dev.zoclone.gateway.aborts;

import dev.zoclone.gateway.LoopbackServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service that reads each request body whole and answers it back (an echo, so responses are as
 * large as requests); it offers HTTP/2 cleartext like a Quarkus service, while the gateway reaches
 * it over its pool of HTTP/1.1 connections. Stands in for {@code agents}; the gateway's home is a
 * fresh temporary folder.
 */
public class UploadService implements QuarkusTestResourceLifecycleManager {
  /** Where each replica listens, as the gateway is told. */
  public static final String REPLICAS = "zo.test.upload-replicas";

  private Vertx vertx;
  private Path home;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    String first = listen();
    String second = listen();
    try {
      home = Files.createTempDirectory("zo-gateway-aborts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "zo.gateway.home",
        home.resolve("zoclone").toString(),
        "zo.gateway.services.agents.url",
        first + "," + second,
        REPLICAS,
        first + "," + second,
        // Only what requests show moves a replica's readiness during the test.
        "zo.gateway.replica-check-interval",
        "1h");
  }

  /** Starts one replica; answers its base URL. */
  private String listen() {
    return LoopbackServer.baseUrl(
        LoopbackServer.start(vertx, "upload service", UploadService::handle));
  }

  private static void handle(HttpServerRequest request) {
    if (request.path().equals("/q/health/ready")) {
      request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
      return;
    }
    // A stream the gateway resets has no body to answer; Vert.x reports that here.
    request
        .body()
        .onSuccess(
            body ->
                request.response().putHeader("Content-Type", "application/octet-stream").end(body));
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
    if (home != null) {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // Only a temporary folder left behind.
      }
    }
  }
}
