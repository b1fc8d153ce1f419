package dev.zoclone.cli.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void settingsSetDefaultModelKeepsTheFallbacksAndSaysWhatItSet() {
    gateway.answerJson(
        "GET", "/api/v1/settings", 200, "{\"default_model\":null,\"fallbacks\":[\"lab:x\"]}");
    gateway.answerJson(
        "PUT", "/api/v1/settings", 200, "{\"default_model\":\"fake:m\",\"fallbacks\":[\"lab:x\"]}");

    Run run = zo("settings", "set", "default-model", "fake:m");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Set default-model to fake:m.\n");
    assertThat(gateway.requests().get(1).body())
        .isEqualTo("{\"default_model\":\"fake:m\",\"fallbacks\":[\"lab:x\"]}");
  }

  @Test
  void settingsSetFallbacksTakesACommaSeparatedList() {
    gateway.answerJson(
        "GET", "/api/v1/settings", 200, "{\"default_model\":\"fake:m\",\"fallbacks\":[]}");
    gateway.answerJson("PUT", "/api/v1/settings", 200, "{}");

    zo("settings", "set", "fallbacks", "a:1, b:2");

    assertThat(gateway.requests().get(1).body())
        .isEqualTo("{\"default_model\":\"fake:m\",\"fallbacks\":[\"a:1\",\"b:2\"]}");
  }

  @Test
  void settingsGetPrintsBothOrOne() {
    gateway.answerJson(
        "GET",
        "/api/v1/settings",
        200,
        "{\"default_model\":\"fake:m\",\"fallbacks\":[\"a:1\",\"b:2\"]}");

    assertThat(zo("settings", "get").out())
        .isEqualTo("default-model: fake:m\nfallbacks:     a:1,b:2\n");
    assertThat(zo("settings", "get", "default-model").out()).isEqualTo("fake:m\n");
  }

  @Test
  void anUnknownSettingIsAUsageError() {
    Run run = zo("settings", "set", "colour", "teal");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown setting 'colour': one of default-model, fallbacks");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void modelsLsMarksTheDefault() {
    gateway.answerJson(
        "GET",
        "/api/v1/models",
        200,
        "{\"models\":[{\"model_name\":\"fake:m\",\"provider\":\"openai\",\"key_set\":true,"
            + "\"default\":true},{\"model_name\":\"lab:<model>\",\"provider\":\"ollama\","
            + "\"key_set\":true,\"default\":false}]}");

    Run run = zo("models", "ls");

    assertThat(run.out())
        .isEqualTo(
            """
            MODEL        PROVIDER  KEY SET  DEFAULT
            fake:m       openai    yes      *
            lab:<model>  ollama    yes      -
            """);
  }

  @Test
  void askDashReadsThePromptFromStdin() {
    gateway.answerJson(
        "POST", "/api/v1/ask", 200, "{\"output\":\"ok\",\"conversation_id\":\"c2\"}");
    java.io.InputStream stdin = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream(
            "line one\nline two\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      Run run = zo("ask", "-");

      assertThat(run.exitCode()).isZero();
      assertThat(gateway.onlyRequest().body()).contains("\"input\":\"line one\\nline two\"");
    } finally {
      System.setIn(stdin);
    }
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }

  @Test
  void keysSetSendsTheProviderKeyAndBaseUrlAndPrintsTheMask() {
    gateway.answerJson(
        "PUT",
        "/api/v1/keys/openai",
        200,
        "{\"name\":\"openai\",\"provider\":\"openai\",\"masked\":\"sk-...abcd\",\"updated_at\":\"2026-11-24T10:00:00.123456Z\"}");

    Run run =
        zo(
            "keys",
            "set",
            "openai",
            "--key",
            "sk-secret-abcd",
            "--base-url",
            "http://127.0.0.1:9/v1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("key openai stored (openai, sk-...abcd)\n");
    assertThat(gateway.onlyRequest().body())
        .contains("\"provider\":\"openai\"")
        .contains("\"api_key\":\"sk-secret-abcd\"")
        .contains("\"base_url\":\"http://127.0.0.1:9/v1\"");
  }

  @Test
  void keysLsPrintsTheMaskedKeys() {
    gateway.answerJson(
        "GET",
        "/api/v1/keys",
        200,
        "{\"keys\":[{\"name\":\"openai\",\"provider\":\"openai\",\"masked\":\"sk-...abcd\",\"default_model\":\"gpt-4o-mini\"}]}");

    Run run = zo("keys", "ls");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("openai").contains("sk-...abcd").contains("gpt-4o-mini");
  }

  @Test
  void keysTestExitsOneWhenTheProviderRefusesTheKey() {
    gateway.answerJson(
        "POST",
        "/api/v1/keys/openai/test",
        200,
        "{\"ok\":false,\"latency_ms\":12,\"error\":\"HTTP 401 bad key\"}");

    Run run = zo("keys", "test", "openai");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("failed after 12 ms: HTTP 401 bad key\n");
  }

  @Test
  void keysRmDeletesTheKey() {
    gateway.answerEmpty("DELETE", "/api/v1/keys/lab", 204);

    Run run = zo("keys", "rm", "lab");

    assertThat(run.exitCode()).isZero();
    assertThat(gateway.onlyRequest().method()).isEqualTo("DELETE");
  }

  @Test
  void askPrintsTheAnswerAndTheConversation() {
    gateway.answerJson(
        "POST",
        "/api/v1/ask",
        200,
        "{\"output\":\"Hello!\",\"conversation_id\":\"c1\",\"model_name\":\"openai:gpt-4o-mini\"}");

    Run run = zo("ask", "hello", "--model", "openai:gpt-4o-mini");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Hello!\n");
    assertThat(run.err()).isEqualTo("(conversation c1)\n");
    assertThat(gateway.onlyRequest().body())
        .contains("\"input\":\"hello\"")
        .contains("\"model_name\":\"openai:gpt-4o-mini\"");
  }

  @Test
  void askSendsItsSystemPromptTemperatureAndMaxTokens() {
    gateway.answerJson("POST", "/api/v1/ask", 200, "{\"output\":\"Yes.\"}");

    Run run =
        zo(
            "ask",
            "ok?",
            "--system",
            "Answer in one word.",
            "--temperature",
            "0.3",
            "--max-tokens",
            "50");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Yes.\n");
    assertThat(gateway.onlyRequest().body())
        .contains("\"system\":\"Answer in one word.\"")
        .contains("\"temperature\":0.3")
        .contains("\"max_tokens\":50");
  }

  @Test
  void askStreamPrintsTheTokensThenTheConversation() {
    gateway.answerText(
        "POST",
        "/api/v1/ask",
        200,
        "event: FrontendModelResponse\ndata: {\"content\":\"Hel\"}\n\n"
            + ": keep-alive\n\n"
            + "event: FrontendModelResponse\ndata: {\"content\":\"lo!\"}\n\n"
            + "event: End\ndata: {\"output\":\"Hello!\",\"conversation_id\":\"c9\"}\n\n");

    Run run = zo("ask", "--stream", "hello");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Hello!\n");
    assertThat(run.err()).isEqualTo("(conversation c9)\n");
    assertThat(gateway.onlyRequest().body()).contains("\"stream\":true");
  }

  @Test
  void askStreamEndsWithTheErrorEventsMessage() {
    gateway.answerText(
        "POST",
        "/api/v1/ask",
        200,
        "event: FrontendModelResponse\ndata: {\"content\":\"Hel\"}\n\n"
            + "event: Error\ndata: {\"message\":\"openai:m: HTTP 500 boom\"}\n\n");

    Run run = zo("ask", "--stream", "hello");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("Hel");
    assertThat(run.err()).contains("openai:m: HTTP 500 boom");
  }

  @Test
  void askStreamReportsAProblemAnsweredBeforeTheStream() {
    gateway.answerProblem(
        "POST",
        "/api/v1/ask",
        400,
        "{\"type\":\"https://zoclone.dev/problems/no-key\",\"title\":\"No key for this model\",\"status\":400,\"detail\":\"Run: bin/zo keys set openai\"}");

    Run run = zo("ask", "--stream", "hello");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("No key for this model: Run: bin/zo keys set openai");
  }

  @Test
  void spawnAllSendsTheFileAndPrintsOneLinePerAgentInOrder() throws Exception {
    Path file = home.resolve("agents.json");
    Files.writeString(
        file,
        "{\"agents\":[{\"id\":\"a\",\"prompt\":\"one\"},{\"id\":\"b\",\"prompt\":\"two\"}],\"max_concurrency\":2}");
    gateway.answerJson(
        "POST",
        "/api/v1/agents/spawn-all",
        200,
        "{\"results\":[{\"agent_id\":\"a\",\"status\":\"SUCCEEDED\",\"output\":\"done\",\"duration_ms\":5},"
            + "{\"agent_id\":\"b\",\"status\":\"FAILED\",\"error\":\"no key\",\"duration_ms\":1}]}");

    Run run = zo("agents", "spawn-all", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    String[] lines = run.out().split("\n");
    assertThat(lines[1]).startsWith("a").contains("SUCCEEDED").contains("done");
    assertThat(lines[2]).startsWith("b").contains("FAILED").contains("no key");
    assertThat(gateway.onlyRequest().body())
        .contains("\"max_concurrency\":2")
        .contains("\"prompt\":\"one\"");
  }

  @Test
  void spawnAllWithAMissingFileIsAUsageError() {
    Run run = zo("agents", "spawn-all", home.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("no such file: " + home.resolve("nope.json") + "\n");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void spawnAllWithBadJsonSaysWhereWithoutJavaClassNames() throws Exception {
    Path file = home.resolve("bad.json");
    Files.writeString(file, "{\"agents\": {\"id\": 1}}");

    Run run = zo("agents", "spawn-all", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(file + " is not a valid spawn-all request at line 1, column 12: agents has")
        .contains("Expected {\"agents\": [")
        .doesNotContain("dev.zoclone")
        .doesNotContain("java.util");
  }

  @Test
  void spawnAllReadsStdinForDash() {
    gateway.answerJson(
        "POST",
        "/api/v1/agents/spawn-all",
        200,
        "{\"results\":[{\"agent_id\":\"a\",\"status\":\"SUCCEEDED\",\"output\":\"ok\",\"duration_ms\":5}]}");
    java.io.InputStream stdin = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream(
            "{\"agents\":[{\"id\":\"a\",\"prompt\":\"p\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      Run run = zo("agents", "spawn-all", "-");

      assertThat(run.exitCode()).isZero();
      assertThat(gateway.onlyRequest().body()).contains("\"prompt\":\"p\"");
    } finally {
      System.setIn(stdin);
    }
  }
}
