package dev.zoclone.supervisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.supervisor.SupervisorCaller;
import dev.zoclone.supervisor.repository.ProcessRepository;
import dev.zoclone.testing.infra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SupervisorCaller ada = SupervisorCaller.fresh();
  @Inject ProcessRepository processes;
  @Inject ProcessSupervisor supervisor;

  @AfterEach
  void cleanUp() {
    ada.deleteAll();
  }

  @Test
  void tailFiltersByStreamAndKeepsOrder() {
    ada.created(
        SupervisorCaller.bash(
            "mixed",
            "for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done; sleep 600",
            "start_seconds",
            0));

    await().atMost(Duration.ofSeconds(30)).until(() -> ada.logs("mixed", "both", 100).size() == 10);

    assertThat(ada.logs("mixed", "stdout", 2)).containsExactly("out4", "out5");
    assertThat(ada.logs("mixed", "stderr", 100))
        .containsExactly("err1", "err2", "err3", "err4", "err5");
    assertThat(ada.logs("mixed", "both", 0)).isEmpty();
  }

  @Test
  void a100MegabyteBurstRotatesAndKeepsEveryLineOfTheRetainedRange() throws IOException {
    // seq writes about 105 MB as fast as it can; the test config rotates at 1 MiB, keeping 3 files.
    ada.created(
        java.util.Map.of(
            "name",
            "flood",
            "command",
            "seq",
            "args",
            List.of("1", "12500000"),
            "restart",
            "never"));
    ada.awaitStatus("flood", "EXITED");
    Path logs =
        supervisor.logDir(processes.find(ada.user(), "flood").orElseThrow().definition().id());

    List<Path> oldestFirst =
        new ArrayList<>(
            List.of(
                logs.resolve("output.log.3"),
                logs.resolve("output.log.2"),
                logs.resolve("output.log.1"),
                logs.resolve("output.log")));
    long expected = -1;
    long count = 0;
    for (Path file : oldestFirst) {
      assertThat(Files.size(file)).isLessThanOrEqualTo(1024 * 1024);
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          assertThat(line).startsWith("o");
          long value = Long.parseLong(line.substring(1));
          if (expected >= 0) {
            assertThat(value).isEqualTo(expected);
          }
          expected = value + 1;
          count++;
        }
      }
    }
    assertThat(expected).isEqualTo(12_500_001L);
    assertThat(count).isGreaterThan(300_000);
    assertThat(logs.resolve("output.log.4")).doesNotExist();
    assertThat(ada.logs("flood", "stdout", 3)).containsExactly("12499998", "12499999", "12500000");
  }

  @Test
  void followStreamsNewLinesAcrossARotation() throws Exception {
    // About 3 MB at roughly 1 MB/s: two or three rotations while following.
    String writer =
        "import sys, time\n"
            + "time.sleep(1)\n"
            + "for i in range(30000):\n"
            + "  sys.stdout.write('%06d %s\\n' % (i, 'x' * 92))\n"
            + "  if i % 100 == 99:\n"
            + "    sys.stdout.flush(); time.sleep(0.01)\n"
            + "sys.stdout.flush(); time.sleep(600)\n";
    ada.created(
        java.util.Map.of(
            "name",
            "writer",
            "command",
            "python3",
            "args",
            List.of("-c", writer),
            "start_seconds",
            0));
    List<String> seen = follow("writer", "000000", "029999");

    List<String> numbers = seen.stream().map(line -> line.substring(0, 6)).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30000; i++) {
      expected.add(String.format("%06d", i));
    }
    assertThat(numbers).isEqualTo(expected);
    Path logs =
        supervisor.logDir(processes.find(ada.user(), "writer").orElseThrow().definition().id());
    assertThat(logs.resolve("output.log.2")).exists();
  }

  @Test
  void followStreamsAcrossRestartsOfTheProcess() throws Exception {
    ada.created(
        SupervisorCaller.bash(
            "phoenix",
            "echo run-$RANDOM$RANDOM; sleep 1.2; exit 1",
            "restart",
            "on-failure",
            "start_seconds",
            1));
    List<String> runs = Collections.synchronizedList(new ArrayList<>());
    followUntil("phoenix", runs, 3);

    assertThat(runs).hasSizeGreaterThanOrEqualTo(3).allMatch(line -> line.startsWith("run-"));
    assertThat(runs.stream().distinct().count()).isEqualTo(runs.size());
    assertThat(ada.get("phoenix").getInt("restarts")).isGreaterThanOrEqualTo(2);
  }

  /** Follows the stdout of {@code name} from its start until {@code last} appears. */
  private List<String> follow(String name, String first, String last) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (InputStream body = open(name)) {
      CompletableFuture<Void> reading =
          CompletableFuture.runAsync(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    String text = text(line);
                    if (text != null && !text.isEmpty()) {
                      lines.add(text);
                      if (text.startsWith(last)) {
                        return;
                      }
                    }
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      reading.get(120, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(lines.get(0)).startsWith(first);
    return lines;
  }

  private void followUntil(String name, List<String> lines, int count) throws Exception {
    try (InputStream body = open(name)) {
      CompletableFuture<Void> reading =
          CompletableFuture.runAsync(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  String line;
                  while (lines.size() < count && (line = in.readLine()) != null) {
                    String text = text(line);
                    if (text != null) {
                      lines.add(text);
                    }
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      reading.get(120, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private InputStream open(String name) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + RestAssured.port
                        + "/api/v1/processes/"
                        + name
                        + "/logs?follow=true&stream=stdout"))
            .header("X-Zo-Internal-Secret", "test-internal-secret")
            .header("X-Zo-User", ada.user())
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    return response.body();
  }

  /** The text of a {@code data:} line of a {@code line} event. */
  private static String text(String sse) {
    if (!sse.startsWith("data: ")) {
      return null;
    }
    String json = sse.substring("data: ".length());
    try {
      return JSON.readTree(json).get("text").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
