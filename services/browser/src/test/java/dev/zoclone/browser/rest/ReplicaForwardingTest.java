package dev.zoclone.browser.rest;

import static dev.zoclone.browser.Browsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import dev.zoclone.browser.Browsers;
import dev.zoclone.browser.repository.SessionDirectory;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session that the directory places on another replica: the request goes there, with its method,
 * path, body and the gateway's headers, and the other replica's answer comes back. The other
 * replica is an HTTP server of the test that records what reaches it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReplicaForwardingTest {
  @Inject SessionDirectory directory;

  private HttpServer peer;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startPeer() throws Exception {
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        e -> {
          String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              e.getRequestMethod()
                  + " "
                  + e.getRequestURI()
                  + " user="
                  + e.getRequestHeaders().getFirst("X-Zo-User")
                  + " secret="
                  + e.getRequestHeaders().getFirst("X-Zo-Internal-Secret")
                  + " forwarded="
                  + (e.getRequestHeaders().getFirst(ReplicaForwarding.FORWARDED) != null)
                  + " body="
                  + body);
          byte[] answer =
              "{\"url\":\"http://elsewhere/\",\"title\":\"Peer\",\"status\":200}"
                  .getBytes(StandardCharsets.UTF_8);
          e.getResponseHeaders().add("Content-Type", "application/json");
          e.sendResponseHeaders(200, answer.length);
          e.getResponseBody().write(answer);
          e.close();
        });
    peer.start();
  }

  @AfterEach
  void stopPeer() {
    peer.stop(0);
  }

  @Test
  void aRequestForASessionOnAnotherReplicaIsAnsweredByThatReplica() {
    String user = Browsers.newUser();
    String id = "elsewhere-" + UUID.randomUUID();
    directory.register(id, user, "http://127.0.0.1:" + peer.getAddress().getPort());

    as(user)
        .body(Map.of("url", "http://example.org/"))
        .post("/api/v1/browser/sessions/" + id + "/navigate")
        .then()
        .statusCode(200)
        .body("title", equalTo("Peer"));

    assertThat(received)
        .containsExactly(
            "POST /api/v1/browser/sessions/"
                + id
                + "/navigate user="
                + user
                + " secret=test-internal-secret forwarded=true body={\"url\":\"http://example.org/\"}");

    as(Browsers.newUser()).get("/api/v1/browser/sessions/" + id).then().statusCode(404);
    assertThat(received).hasSize(1);
    directory.remove(id);
  }

  @Test
  void aSessionWhoseReplicaIsGoneIsLost() {
    String user = Browsers.newUser();
    String id = "gone-" + UUID.randomUUID();
    int port = peer.getAddress().getPort();
    peer.stop(0);
    directory.register(id, user, "http://127.0.0.1:" + port);

    as(user)
        .get("/api/v1/browser/sessions/" + id)
        .then()
        .statusCode(410)
        .body("type", containsString("session-lost"));
    directory.remove(id);
  }
}
