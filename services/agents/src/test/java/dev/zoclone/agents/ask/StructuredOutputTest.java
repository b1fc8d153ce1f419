package dev.zoclone.agents.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.sun.net.httpserver.HttpServer;
import dev.zoclone.platform.problem.ProblemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StructuredOutput structured = new StructuredOutput();
  private final AtomicInteger fetched = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void schemaServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String local(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  @Test
  void aRefOutsideTheSchemaIsRefusedWithoutFetchingIt() throws IOException {
    JsonNode schema =
        json(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"" + local("/a.json") + "\"}}}");

    assertThatThrownBy(() -> structured.compile(schema))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("output_format");
    assertThat(fetched).hasValue(0);
  }

  @Test
  void aFileRefAndAnUnknownMetaSchemaAreRefused() throws IOException {
    assertThatThrownBy(() -> structured.compile(json("{\"$ref\":\"file:///etc/passwd\"}")))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                structured.compile(
                    json("{\"$schema\":\"" + local("/meta") + "\",\"type\":\"object\"}")))
        .isInstanceOf(ProblemException.class);
    assertThat(fetched).hasValue(0);
  }

  @Test
  void refsInsideTheSchemaAndTheStandardMetaSchemaStillWork() throws IOException {
    JsonSchema schema =
        structured.compile(
            json(
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                    + "\"$defs\":{\"n\":{\"type\":\"integer\"}},"
                    + "\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"#/$defs/n\"}}}"));

    assertThat(structured.check(schema, "{\"n\":3}").valid()).isTrue();
    assertThat(structured.check(schema, "{\"n\":\"x\"}").valid()).isFalse();
  }

  @Test
  void aBacktrackingPatternRunsInLinearTime() throws IOException {
    JsonSchema schema =
        structured.compile(
            json(
                "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\","
                    + "\"pattern\":\"^(a+)+$\"}}}"));
    String evil = "{\"s\":\"" + "a".repeat(64) + "!\"}";

    // a backtracking engine needs about 2^64 steps for this answer
    StructuredOutput.Checked checked =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> structured.check(schema, evil));

    assertThat(checked.valid()).isFalse();
    assertThat(structured.check(schema, "{\"s\":\"aaaa\"}").valid()).isTrue();
  }

  @Test
  void aPatternThatNeedsBacktrackingIsA400() throws IOException {
    assertThatThrownBy(
            () -> structured.compile(json("{\"properties\":{\"s\":{\"pattern\":\"(a)\\\\1\"}}}")))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("pattern");
  }
}
