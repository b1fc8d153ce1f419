package dev.zoclone.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.e2e.cli.ZoRun.Result;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI jar against the packaged gateway, agents and memory: models named by key alone, a bare
 * model name explained, settings and models from the CLI, and an unreachable provider's error.
 */
class CliModelsIT {
  static FakeOpenAiServer model;
  static LocalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer();
    platform = LocalPlatform.start("agents", "memory");
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
  void aKeysDefaultModelAnswersAndSettingsAndModelsWorkFromTheCli() throws Exception {
    Map<String, String> me = newUser();
    Result set = setFakeKey(me);
    assertThat(set.exitCode()).as(set.err()).isZero();

    model.enqueue(Reply.text("by key alone"));
    Result byKey = zo(me, "ask", "--model", "fake", "hello");
    assertThat(byKey.exitCode()).as(byKey.err()).isZero();
    assertThat(byKey.out()).isEqualTo("by key alone\n");
    assertThat(byKey.err()).startsWith("(conversation ");
    assertThat(model.lastRequest().model()).hasValue("m1");

    model.enqueue(Reply.text("by default"));
    Result unnamed = zo(me, "ask", "hello");
    assertThat(unnamed.exitCode()).as(unnamed.err()).isZero();
    assertThat(unnamed.out()).isEqualTo("by default\n");

    Result setting = zo(me, "settings", "set", "default-model", "fake:m2");
    assertThat(setting.exitCode()).as(setting.err()).isZero();
    assertThat(zo(me, "settings", "get", "default-model").out()).isEqualTo("fake:m2\n");
    model.enqueue(Reply.text("by setting"));
    assertThat(zo(me, "ask", "hello").out()).isEqualTo("by setting\n");
    assertThat(model.lastRequest().model()).hasValue("m2");

    Result models = zo(me, "models", "ls");
    assertThat(models.exitCode()).as(models.err()).isZero();
    assertThat(models.out())
        .startsWith("MODEL")
        .contains("fake:m1")
        .containsPattern("fake:m2 .*\\*");
  }

  @Test
  void aBareModelNameIsExplainedWithTheCallersKeys() throws Exception {
    Map<String, String> me = newUser();
    setFakeKey(me);

    Result bare = zo(me, "ask", "--model", "gpt-4o", "hello");

    assertThat(bare.exitCode()).isEqualTo(1);
    assertThat(bare.err())
        .contains("You have no key named 'gpt-4o'")
        .contains("Name a model as <key>:<model>, e.g. fake:gpt-4o")
        .contains("Your keys: fake");
  }

  @Test
  void anUnreachableProviderNamesItsUrlAndTheQuestionIsKept() throws Exception {
    Map<String, String> me = newUser();
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/v1";
    zo(
        me,
        "keys",
        "set",
        "down",
        "--provider",
        "openai_compatible",
        "--key",
        "sk-down-0123456789abcd",
        "--base-url",
        url,
        "--default-model",
        "m");

    Result ask = zo(me, "ask", "--model", "down", "are you there?");
    Result test = zo(me, "keys", "test", "down");
    Result conversations = zo(me, "--json", "conversations", "ls");

    assertThat(ask.exitCode()).isEqualTo(1);
    assertThat(ask.err()).contains("cannot reach " + url + "/chat/completions: connection refused");
    assertThat(test.out() + test.err())
        .contains("cannot reach " + url)
        .contains("connection refused");
    String id =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(conversations.out())
            .path("conversations")
            .path(0)
            .path("id")
            .asText();
    assertThat(id).isNotEmpty();
    assertThat(zo(me, "conversations", "show", id).out()).contains("are you there?");
  }

  @Test
  void memoriesAreListedAndNamedByPrefixAndUsageSinceCountsTheAsks() throws Exception {
    Map<String, String> me = newUser();
    Result added = zo(me, "memory", "add", "the staging database listens on port 6543");
    assertThat(added.exitCode()).as(added.err()).isZero();
    String id = added.out().replaceAll("(?s)^Saved memory (\\S+)\\.\\s*$", "$1");
    assertThat(id).hasSizeGreaterThan(8);

    Result list = zo(me, "memory", "ls");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).startsWith("ID").contains(id).contains("staging database");

    Result byPrefix = zo(me, "memory", "get", id.substring(0, 8));
    assertThat(byPrefix.exitCode()).as(byPrefix.err()).isZero();
    assertThat(byPrefix.out())
        .startsWith("Memory " + id)
        .contains("the staging database listens on port 6543");

    setFakeKey(me);
    model.enqueue(Reply.text("counted"));
    assertThat(zo(me, "ask", "--model", "fake", "hello").exitCode()).isZero();

    Result usage = zo(me, "usage", "--since", "7d");
    assertThat(usage.exitCode()).as(usage.err()).isZero();
    assertThat(usage.out())
        .startsWith("From ")
        .containsPattern(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " +fake +m1 +1 ");
  }

  /** Stores the key "fake" for the fake model, default model m1, through {@code zo keys set}. */
  private static Result setFakeKey(Map<String, String> me) throws Exception {
    return zo(
        me,
        "keys",
        "set",
        "fake",
        "--provider",
        "openai_compatible",
        "--key",
        "sk-fake-0123456789abcd",
        "--base-url",
        model.baseUrl() + "/v1",
        "--default-model",
        "m1");
  }

  private static Map<String, String> newUser() throws Exception {
    LocalPlatform.User user =
        platform.newUser("cli-" + UUID.randomUUID().toString().substring(0, 8));
    return Map.of("ZO_TOKEN", user.token());
  }

  private static Result zo(Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("ZO_URL", platform.gatewayUrl());
    all.put("ZO_HOME", platform.home().toString());
    return ZoRun.jar(platform.repoRoot(), all, args);
  }
}
