package dev.zoclone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.RecordedRequest;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, agents, memory and skills as processes, a fake OpenAI server and the CLI
 * jar: a skill folder dropped into $ZO_HOME/skills shows up in {@code zo skills ls}, {@code zo
 * skills install} then {@code zo skills run} prints the result, an admin shares a skill, and an
 * ask's whole skill loop (list, load, run, answer) goes through the real services.
 */
class SkillsThroughGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer();
    platform = LocalPlatform.start("agents", "memory", "skills");
    token = platform.newUser("skills-" + UUID.randomUUID().toString().substring(0, 8)).token();
    platform.putKey(token, "openai", model.baseUrl(), "gpt-4o-mini");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void aFolderDroppedIntoZoHomeIsListedAndInstallThenRunWork() throws Exception {
    String dropped = "dropped-" + UUID.randomUUID().toString().substring(0, 8);
    Path folder = platform.home().resolve("skills").resolve(dropped);
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("SKILL.md"),
        "---\nname: " + dropped + "\ndescription: Dropped by the operator.\n---\nBody\n");
    // Functional only: the folder gets listed. How fast is a benchmark's question, not a test's.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> call(token, "GET", "/api/v1/skills", null).body().contains(dropped));
    Cli ls = zo("skills", "ls");
    assertThat(ls.exitCode()).as(ls.err()).isZero();
    assertThat(ls.out()).contains(dropped).contains("home").contains("csv-stats");

    Path mine = Files.createTempDirectory("zo-e2e-skill").resolve("greeter");
    Files.createDirectories(mine.resolve("scripts"));
    Files.writeString(
        mine.resolve("SKILL.md"),
        "---\nname: greeter\ndescription: Greets someone.\n---\nGreet.\n");
    Files.writeString(
        mine.resolve("scripts/greet.py"),
        "import json, sys\nprint(json.dumps({'greeting': 'hello ' + json.load(sys.stdin)['who']}))\n");
    Cli validate = zo("skills", "validate", mine.toString());
    assertThat(validate.out()).contains("valid");
    Cli install = zo("skills", "install", mine.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).startsWith("Installed greeter version ");

    Cli run = zo("skills", "run", "greeter", "--input", "{\"who\": \"zo\"}");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"greeting\" : \"hello zo\"");
    assertThat(zo("skills", "runs").out()).contains("greeter").contains("scripts/greet.py");
  }

  @Test
  void anAdminSharesASkillWithEveryUserThroughTheGateway() throws Exception {
    Path shared = Files.createTempDirectory("zo-e2e-shared").resolve("team-notes");
    Files.createDirectories(shared);
    Files.writeString(
        shared.resolve("SKILL.md"), "---\nname: team-notes\ndescription: Team notes.\n---\nN\n");
    String admin = platform.adminToken();

    Cli byUser = zoAs(token, "skills", "install", "--shared", shared.toString());
    Cli byAdmin = zoAs(admin, "skills", "install", "--shared", shared.toString());

    assertThat(byUser.exitCode()).isEqualTo(1);
    assertThat(byUser.err()).contains("only an admin");
    assertThat(byAdmin.exitCode()).as(byAdmin.err()).isZero();
    assertThat(byAdmin.out()).contains("for every user");
    assertThat(call(token, "GET", "/api/v1/skills/team-notes", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anAskListsTheSkillsLoadsOneRunsItsScriptAndAnswers() throws Exception {
    model.enqueue(
        Reply.toolCall("skills_load", "{\"name\":\"unit-convert\"}"),
        Reply.toolCall(
            "skills_run",
            "{\"name\":\"unit-convert\",\"input\":\"{\\\"value\\\": 10, \\\"from\\\": \\\"km\\\","
                + " \\\"to\\\": \\\"mi\\\"}\"}"),
        Reply.text("10 km is about 6.21 miles."));
    int before = model.requests().size();

    HttpResponse<String> ask =
        call(
            token,
            "POST",
            "/api/v1/ask",
            "{\"input\":\"How many miles is 10 km?\",\"model_name\":\"openai:gpt-4o-mini\"}");

    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(ask.body());
    assertThat(answer.path("output").asText()).isEqualTo("10 km is about 6.21 miles.");
    assertThat(names(answer.path("tool_calls"), "/name"))
        .containsExactly("skills_load", "skills_run");
    List<RecordedRequest> requests = model.requests().subList(before, model.requests().size());
    assertThat(requests).hasSize(3);
    JsonNode first = requests.get(0).json();
    assertThat(first.path("messages").get(0).path("content").asText())
        .contains("Available skills:")
        .contains("- unit-convert: Convert a quantity")
        .contains("- csv-stats:");
    assertThat(names(first.path("tools"), "/function/name"))
        .contains("skills_load", "skills_read_file", "skills_run");
    assertThat(lastToolResult(requests.get(1)))
        .contains("# Unit conversion")
        .contains("scripts/convert.py");
    assertThat(lastToolResult(requests.get(2)))
        .contains("\"exit_code\":0")
        .contains("6.21371192")
        .contains("\"dimension\":\"length\"");
  }

  @Test
  void anAskWithSkillsOffNeitherListsThemNorOffersTheTools() throws Exception {
    model.enqueue(Reply.text("No skills."));
    int before = model.requests().size();

    HttpResponse<String> ask =
        call(
            token,
            "POST",
            "/api/v1/ask",
            "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"skills\":false}");

    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    JsonNode request = model.requests().get(before).json();
    assertThat(request.path("messages").get(0).path("content").asText())
        .doesNotContain("Available skills");
    assertThat(names(request.path("tools"), "/function/name")).doesNotContain("skills_load");
  }

  @Test
  void anAskWithAPersonaThatTurnsSkillsOffNeitherListsThemNorOffersTheTools() throws Exception {
    HttpResponse<String> created =
        call(
            token,
            "POST",
            "/api/v1/personas",
            "{\"name\":\"no-skills\",\"system_prompt\":\"You answer in one word.\","
                + "\"skills\":false}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String personaId = JSON.readTree(created.body()).path("id").asText();
    model.enqueue(Reply.text("Fine."));
    int before = model.requests().size();

    HttpResponse<String> ask =
        call(
            token,
            "POST",
            "/api/v1/ask",
            "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"persona_id\":\""
                + personaId
                + "\"}");

    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    JsonNode request = model.requests().get(before).json();
    assertThat(request.path("messages").get(0).path("content").asText())
        .startsWith("You answer in one word.")
        .doesNotContain("Available skills");
    assertThat(names(request.path("tools"), "/function/name")).doesNotContain("skills_load");
  }

  private static List<String> names(JsonNode items, String pointer) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.at(pointer).asText()));
    return names;
  }

  private static String lastToolResult(RecordedRequest request) {
    JsonNode messages = request.json().path("messages");
    for (int i = messages.size() - 1; i >= 0; i--) {
      if ("tool".equals(messages.get(i).path("role").asText())) {
        return messages.get(i).path("content").asText();
      }
    }
    throw new AssertionError("no tool result in " + messages);
  }

  private static HttpResponse<String> call(String bearer, String method, String path, String body)
      throws Exception {
    return platform.call(bearer, method, path, body);
  }

  /** A finished run of the CLI jar. */
  record Cli(int exitCode, String out, String err) {}

  private static Cli zo(String... args) throws Exception {
    return zoAs(token, args);
  }

  private static Cli zoAs(String bearer, String... args) throws Exception {
    return runZo(bearer, List.of(args));
  }

  /** Runs {@code java -jar cli/target/zo.jar --url <gateway> --token <token> args...}. */
  private static Cli runZo(String bearer, List<String> args) throws Exception {
    Path jar = platform.repoRoot().resolve("cli/target/zo.jar");
    assertThat(jar).as("the CLI is packaged before the e2e module runs").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar.toString(), "--url", platform.gatewayUrl()));
    command.addAll(List.of("--token", bearer));
    command.addAll(args);
    Path out = Files.createTempFile("zo-e2e-out", ".txt");
    Path err = Files.createTempFile("zo-e2e-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("ZO_HOME", platform.home().toString());
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("zo " + String.join(" ", args) + " did not finish");
    }
    Cli cli = new Cli(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return cli;
  }
}
