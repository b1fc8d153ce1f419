package dev.zoclone.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.zoclone.e2e.support.ConsoleBrowser;
import dev.zoclone.e2e.support.ConsoleBrowser.Tab;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.e2e.support.ZoJar;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.worker.GatewayAccess;
import dev.zoclone.worker.GatewayPoolApi;
import dev.zoclone.worker.JobRunners;
import dev.zoclone.worker.PoolWorker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in Debian's headless Chromium (Playwright for Java) against the packaged gateway
 * and every service, a fake OpenAI server and a {@code zo node} worker: sign-in, chat streaming and
 * stop, conversation search and rename, recalled memories, keys, memories, automations with their
 * preview, jobs, agent runs history, skill install and run, process start and logs, the latest
 * browser screenshot, the daily usage chart, every page, sanitised answers and CSRF; and the CLI's
 * conversation and agent-run commands against the same stack. Screenshots go to {@code
 * docs/console/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
  private static final List<String> SERVICES =
      List.of("agents", "memory", "skills", "scheduler", "pool", "browser", "supervisor");
  private static final LocatorAssertions.ContainsTextOptions LONG =
      new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

  static FakeOpenAiServer model;
  static LocalPlatform platform;
  static ConsoleBrowser chromium;
  static String token;
  static Tab tab;
  static PoolWorker worker;
  static Thread workerThread;
  static ZoJar zo;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAiServer();
    LocalPlatform.Builder builder =
        LocalPlatform.builder()
            .property("browser", "zo.browser.workers", "1")
            // The browser page test opens the console's own sign-in page, on 127.0.0.1.
            .property("browser", "zo.browser.allowed-hosts", "127.0.0.1")
            .readyTimeout(Duration.ofMinutes(6));
    SERVICES.forEach(builder::service);
    platform = builder.start();
    token = platform.newUserToken("console-" + UUID.randomUUID().toString().substring(0, 8));
    chromium = new ConsoleBrowser(platform.gatewayUrl());
    zo = new ZoJar(platform, token);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (worker != null) {
      worker.shutdown(Duration.ofSeconds(5));
      workerThread.join(10_000);
    }
    if (chromium != null) {
      chromium.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (model != null) {
      model.close();
    }
  }

  private static Page page() {
    return tab.page();
  }

  private static void shot(Page page, String name) {
    ConsoleBrowser.screenshot(page, platform.repoRoot(), name);
  }

  @Test
  @Order(1)
  void signingInWithATokenOpensTheChatWithAStrictHttpOnlySession() {
    Tab fresh = chromium.open(1200, 800);
    Page page = fresh.page();

    page.navigate("/console/keys");
    page.waitForURL("**/console/sign-in");
    page.getByLabel("API token").fill("zo_" + "A".repeat(43));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Unauthenticated");
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("not a live API token");
    shot(page, "sign-in");

    page.getByLabel("API token").fill(token);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL("**/console/chat");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chat")))
        .isVisible();

    Cookie session =
        fresh.context().cookies().stream()
            .filter(c -> c.name.equals("zo_session"))
            .findFirst()
            .orElseThrow();
    assertThat(session.httpOnly).isTrue();
    assertThat(session.sameSite).isEqualTo(SameSiteAttribute.STRICT);
    assertThat(session.value).doesNotContain(token);
    assertThat(page.evaluate("() => document.cookie")).isEqualTo("");
    tab = fresh;
  }

  @Test
  @Order(2)
  void aKeyIsAddedListedMaskedAndTested() {
    page().navigate("/console/keys");
    page().getByLabel("Name").fill("openai");
    page().getByLabel("Provider").selectOption("openai");
    page().getByLabel("API key").fill("sk-console-0123456789abcd");
    page().getByLabel("Base URL").fill(model.baseUrl() + "/v1");
    page().getByLabel("Default model").fill("gpt-4o-mini");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save key")).click();

    Locator row = page().locator("tr[data-key=openai]");
    assertThat(row).containsText("gpt-4o-mini");
    assertThat(row).containsText("abcd");
    assertThat(row).not().containsText("sk-console-0123456789abcd");

    model.enqueue(Reply.text("ok"));
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test")).click();
    assertThat(page().locator("#key-test-result")).containsText("openai: OK in", LONG);
    shot(page(), "keys");
  }

  @Test
  @Order(3)
  void aChatStreamsTheAnswerTokenByTokenAsMarkdownAndCanBeStopped() {
    page().navigate("/console/chat");
    page()
        .locator("#model option[value='openai:gpt-4o-mini']")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page().getByLabel("Model").selectOption("openai:gpt-4o-mini");

    model.enqueue(
        Reply.stream("Hel", "lo, **there**", "\n\n```java\nint x = 1;\n```\n")
            .chunkDelay(Duration.ofMillis(700)));
    page().getByLabel("Message").fill("hello");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

    // The first token is on the page while the answer is still streaming.
    page()
        .waitForFunction(
            "() => { const m = document.querySelector('li.message.assistant:last-child');"
                + " return m && m.classList.contains('streaming') && m.textContent.includes('Hel'); }",
            null,
            new Page.WaitForFunctionOptions().setTimeout(60_000));
    Locator answer = page().locator("li.message.assistant").last();
    assertThat(answer)
        .hasAttribute(
            "data-done", "true", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    assertThat(answer.locator("strong")).hasText("there");
    assertThat(answer.locator("pre code")).hasText("int x = 1;");
    assertThat(page().locator("#conversation-list li")).hasCount(1);

    int hungUpBefore = model.disconnects().size();
    model.enqueue(
        Reply.stream(
                "one", " two", " three", " four", " five", " six", " seven", " eight", " nine",
                " ten")
            .chunkDelay(Duration.ofMillis(500)));
    page().getByLabel("Message").fill("count to ten");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    Locator counting = page().locator("li.message.assistant").last();
    assertThat(counting.locator(".body")).containsText("one", LONG);
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop")).click();

    model.awaitDisconnects(hungUpBefore + 1, Duration.ofSeconds(10));
    assertThat(counting).hasAttribute("data-stopped", "true");
    assertThat(counting).containsText("Stopped.");
    assertThat(counting.locator(".body")).not().containsText("ten");
    assertThat(page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop")))
        .isDisabled();
    shot(page(), "chat");

    // After a stop, the page and the platform behind it keep answering.
    page().waitForTimeout(3000);
    Object statuses =
        page()
            .evaluate(
                "() => Promise.all(['/api/v1/models', '/api/v1/personas', '/api/v1/settings']"
                    + ".map(p => fetch(p).then(r => r.status))).then(s => s.join(','))");
    assertThat(statuses).isEqualTo("200,200,200");
  }

  @Test
  @Order(4)
  void anAnswerHoldingScriptAndImgOnerrorRendersAsText() {
    page().navigate("/console/chat");
    page()
        .locator("#model option[value='openai:gpt-4o-mini']")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page().getByLabel("Model").selectOption("openai:gpt-4o-mini");
    String evil =
        "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> and"
            + " `<b>bold?</b>` [link](javascript:window.__xss=3)";
    model.enqueue(Reply.text(evil));
    page().getByLabel("Message").fill("say something nasty");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

    Locator answer = page().locator("li.message.assistant").last();
    assertThat(answer)
        .hasAttribute(
            "data-done", "true", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    assertThat(answer.locator(".body")).containsText("<script>window.__xss = 1</script>");
    assertThat(answer.locator(".body")).containsText("<img src=x onerror=");
    assertThat(answer.locator(".body code")).hasText("<b>bold?</b>");
    assertThat(answer.locator("script, img, b, a")).hasCount(0);
    assertThat(page().evaluate("() => typeof window.__xss")).isEqualTo("undefined");
  }

  @Test
  @Order(5)
  void conversationsAreSearchedByTitleAndMessageAndRenamedInTheSidebarAndTheCli() throws Exception {
    page().navigate("/console/chat");
    Locator items = page().locator("#conversation-list li[data-conversation]");
    assertThat(items).hasCount(2);

    // "int x = 1" is in an answer of the "hello" conversation, not in its title.
    page().getByLabel("Search conversations").fill("int x = 1");
    assertThat(items).hasCount(1);
    assertThat(items.first()).containsText("hello");
    String id = items.first().getAttribute("data-conversation");
    items
        .first()
        .getByRole(
            AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename conversation hello"))
        .click();
    page().getByLabel("New title").fill("Greetings from the console");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(items).hasCount(1);
    assertThat(items.first()).containsText("Greetings from the console");
    shot(page(), "chat-search");

    page().getByLabel("Search conversations").fill("NASTY");
    assertThat(items).hasCount(1);
    assertThat(items.first()).containsText("say something nasty");
    page().getByLabel("Search conversations").fill("no conversation has these words");
    assertThat(items).hasCount(0);
    assertThat(page().locator("#conversation-list")).containsText("No conversation matches.");
    page().getByLabel("Search conversations").fill("");
    assertThat(items).hasCount(2);

    ZoJar.Result markdown = zo.run("conversations", "export", id);
    assertThat(markdown.exitCode()).as(markdown.err()).isZero();
    assertThat(markdown.out())
        .startsWith("# Greetings from the console\n")
        .contains("## You\n\nhello\n")
        .contains("## Assistant\n\nHello, **there**");
    ZoJar.Result json = zo.run("conversations", "export", id, "-o", "json");
    assertThat(json.out()).contains("\"id\":\"" + id + "\"").contains("int x = 1");

    ZoJar.Result renamed = zo.run("conversations", "rename", id, "Renamed", "by", "zo");
    assertThat(renamed.exitCode()).as(renamed.err()).isZero();
    page().reload();
    assertThat(page().locator("#conversation-list li[data-conversation='" + id + "']"))
        .containsText("Renamed by zo");
    ZoJar.Result refused = zo.run("conversations", "rename", id, " ");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("title");
  }

  @Test
  @Order(6)
  void aMemoryIsAddedRecalledAndItsHistoryShown() {
    page().navigate("/console/memories");
    page().getByLabel("Content").fill("Our SQL server is PostgreSQL 15 with pgvector");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Memorize")).click();
    assertThat(page().locator("#memory-saved")).containsText("Memorized as", LONG);

    page().getByLabel("Query").fill("which database do we run");
    Locator found = page().locator("#recall-results li[data-memory]");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              page()
                  .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recall"))
                  .click();
              page().waitForTimeout(300);
              return found.count() > 0;
            });
    assertThat(found.first()).containsText("PostgreSQL 15 with pgvector");

    found
        .first()
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History"))
        .click();
    assertThat(page().locator("#history")).containsText("v1 (current");
    shot(page(), "memories");
  }

  @Test
  @Order(7)
  void anAnswerShowsOnDemandTheMemoriesRecalledIntoItsContext() {
    page().navigate("/console/chat");
    page()
        .locator("#model option[value='openai:gpt-4o-mini']")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page().getByLabel("Model").selectOption("openai:gpt-4o-mini");
    model.enqueue(Reply.text("You run PostgreSQL 15."));
    page().getByLabel("Message").fill("which database do we run");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

    Locator answer = page().locator("li.message.assistant").last();
    assertThat(answer)
        .hasAttribute(
            "data-done", "true", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    Locator recalled = answer.locator("ul.recalled");
    assertThat(recalled).isHidden();
    Locator show =
        answer.getByRole(
            AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName(Pattern.compile("^Recalled memories \\([1-9]")));
    show.click();
    assertThat(show).hasAttribute("aria-expanded", "true");
    assertThat(recalled).isVisible();
    assertThat(recalled.locator("li[data-memory]").first())
        .containsText("Our SQL server is PostgreSQL 15 with pgvector");
    // What the model was given is what the page lists: the memory was in the request's context.
    assertThat(model.lastRequest().json().toString()).contains("PostgreSQL 15 with pgvector");
    shot(page(), "chat-recalled");
    show.click();
    assertThat(recalled).isHidden();
  }

  @Test
  @Order(8)
  void anAutomationShowsItsNextTenRunsAsTheRuleIsTypedAndIsCreated() {
    page().navigate("/console/automations");
    page().getByLabel("Title").fill("Morning digest");
    page().getByLabel("Time zone").fill("Europe/Paris");
    page().getByLabel("Starts (local date-time)").fill("2030-01-01T09:00");

    page().getByLabel("Rule (RFC 5545 RRULE)").pressSequentially("FREQ=SOMETIMES");
    assertThat(page().locator("#preview-problem")).isVisible();
    assertThat(page().locator("#preview-problem strong")).not().isEmpty();

    page().getByLabel("Rule (RFC 5545 RRULE)").fill("");
    page()
        .getByLabel("Rule (RFC 5545 RRULE)")
        .pressSequentially(
            "FREQ=DAILY;COUNT=12", new Locator.PressSequentiallyOptions().setDelay(20));
    Locator preview = page().locator("#preview tr");
    assertThat(preview).hasCount(10);
    assertThat(preview.first()).containsText("2030-01-01T09:00:00");
    assertThat(preview.first()).containsText("2030-01-01T08:00:00Z");
    assertThat(preview.nth(9)).containsText("2030-01-10T09:00:00");
    assertThat(page().locator("#preview-problem")).isHidden();

    page().getByLabel("Prompt").fill("Summarise my day");
    page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create automation"))
        .click();
    Locator created =
        page().locator("#automations li", new Page.LocatorOptions().setHasText("Morning digest"));
    assertThat(created).containsText("Next: 2030-01-01T09:00:00");

    created.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
    assertThat(
            page()
                .locator("#automations li", new Page.LocatorOptions().setHasText("Morning digest")))
        .containsText("paused");
    page()
        .locator("#automations li", new Page.LocatorOptions().setHasText("Morning digest"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Runs"))
        .click();
    assertThat(page().locator("#runs-card")).isVisible();
    shot(page(), "automations");
  }

  @Test
  @Order(9)
  void aSubmittedJobReachesSucceededLiveWithANodeRunning() throws Exception {
    GatewayAccess access = GatewayAccess.withToken(URI.create(platform.gatewayUrl()), token);
    worker =
        new PoolWorker(
            GatewayPoolApi.of(access),
            "console-node",
            Map.of("os", "linux"),
            2,
            JobRunners.local(),
            new PrintWriter(new StringWriter(), true));
    workerThread =
        new Thread(
            () -> {
              try {
                worker.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "console-node");
    workerThread.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> worker.nodeId() != null);

    page().navigate("/console/jobs");
    assertThat(page().locator("#node-rows")).containsText("console-node", LONG);
    assertThat(page().locator("#node-rows")).containsText("os=linux");
    page().getByLabel("Command").fill("echo");
    page().getByLabel("Arguments (space separated)").fill("hello-console");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

    Locator row = page().locator("#job-rows tr").first();
    assertThat(row).containsText("SUCCEEDED", LONG);
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Result")).click();
    assertThat(page().locator("#job-result")).containsText("hello-console");
    shot(page(), "jobs");
  }

  @Test
  @Order(10)
  void spawnedAgentsAppearInTheRunsHistoryWithTheirResultAndInTheCli() throws Exception {
    page().navigate("/console/agents");
    model.enqueue(Reply.text("agent finished"), Reply.text("agent finished"));
    page().getByLabel("Prompts (one agent per line)").fill("first agent task\nsecond agent task");
    page().getByLabel("Model (optional)").fill("openai:gpt-4o-mini");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spawn all")).click();

    Locator rows = page().locator("#history-rows tr[data-run]");
    assertThat(rows).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
    assertThat(page().locator("#history-rows")).containsText("first agent task");
    assertThat(page().locator("#history-rows")).containsText("second agent task");
    assertThat(rows.nth(0)).containsText("SUCCEEDED");
    assertThat(rows.nth(1)).containsText("SUCCEEDED");
    assertThat(rows.nth(0)).containsText("openai:gpt-4o-mini");
    assertThat(rows.nth(0)).containsText(" ms");
    rows.nth(0)
        .getByRole(
            AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Open")))
        .click();
    assertThat(page().locator("#run-result")).containsText("agent finished");

    page().getByLabel("Status").selectOption("FAILED");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    assertThat(page().locator("#history-rows")).containsText("No run yet.");
    page().getByLabel("Status").selectOption("");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    assertThat(rows).hasCount(2);
    shot(page(), "agents");

    ZoJar.Result runs = zo.run("agents", "runs", "--status", "SUCCEEDED");
    assertThat(runs.exitCode()).as(runs.err()).isZero();
    assertThat(runs.out()).contains("first agent task").contains("second agent task");
    assertThat(runs.out()).contains("SUCCEEDED").contains("openai:gpt-4o-mini");
  }

  @Test
  @Order(11)
  void aSkillIsInstalledFromAnArchiveAndRunFromTheForms() throws Exception {
    Path zip = Files.createTempFile("console-skill", ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("console-hello/SKILL.md"));
      out.write(
          "---\nname: console-hello\ndescription: Greets the name it is given.\n---\nGreet.\n"
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("console-hello/scripts/hello.py"));
      out.write(
          "import json, sys\nprint(json.dumps({'greeting': 'hello ' + json.load(sys.stdin)['name']}))\n"
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    page().navigate("/console/skills");
    page().getByLabel("Archive of one skill folder (.zip or .tar.gz)").setInputFiles(zip);
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install")).click();
    assertThat(page().locator("#install-result")).containsText("Installed console-hello", LONG);
    assertThat(page().locator("#skill-rows tr[data-skill=console-hello]"))
        .containsText("Greets the name");

    page()
        .locator("#run-skill option[value=console-hello]")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page()
        .getByLabel("Skill", new Page.GetByLabelOptions().setExact(true))
        .selectOption("console-hello");
    page().getByLabel("Input (JSON given on stdin)").fill("{\"name\": \"Ada\"}");
    page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true))
        .click();
    assertThat(page().locator("#run-result")).containsText("exit 0", LONG);
    assertThat(page().locator("#run-result")).containsText("hello Ada");
    assertThat(page().locator("#skill-runs")).containsText("console-hello");
    shot(page(), "skills");

    page().getByLabel("Input (JSON given on stdin)").fill("{not json");
    page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true))
        .click();
    assertThat(page().locator("#run-problem")).containsText("Input is not JSON");
    Files.deleteIfExists(zip);
  }

  @Test
  @Order(12)
  void aProcessIsStartedFromTheFormAndItsLogsFollowed() {
    page().navigate("/console/processes");
    page().getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("console-echo");
    page().getByLabel("Command").fill("python3");
    page()
        .getByLabel("Arguments (one per line)")
        .fill("-c\nimport time; print('hello from the console', flush=True); time.sleep(300)");
    page().getByLabel("Restart").selectOption("never");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start process")).click();

    Locator row = page().locator("#process-rows tr[data-process=console-echo]");
    assertThat(row).containsText("RUNNING", LONG);
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Logs")).click();
    assertThat(page().locator("#logs")).containsText("hello from the console", LONG);

    page().getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("console-echo");
    page().getByLabel("Command").fill("python3");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start process")).click();
    assertThat(page().locator("#create-problem")).isVisible();
    assertThat(page().locator("#create-problem strong")).not().isEmpty();
    shot(page(), "processes");
    page()
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop following"))
        .click();
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop").setExact(true))
        .click();
    assertThat(row)
        .not()
        .containsText("RUNNING", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
  }

  @Test
  @Order(13)
  void aBrowserSessionShowsItsLatestScreenshot() {
    page().navigate("/console/browser");
    String url = platform.gatewayUrl().replace("localhost", "127.0.0.1") + "/console/sign-in";
    page().getByLabel("Open a session at").fill(url);
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open")).click();

    assertThat(page().locator("#sessions li[data-session]"))
        .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
    assertThat(page().locator("#shot-card"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    assertThat(page().locator("#shot-caption")).containsText("/console/sign-in");
    page()
        .waitForFunction(
            "() => { const i = document.getElementById('shot'); return i.complete && i.naturalWidth > 100; }",
            null,
            new Page.WaitForFunctionOptions().setTimeout(60_000));
    String first = page().locator("#shot-caption").textContent();

    // On a reload the page shows the session's latest screenshot again, taken anew.
    page().reload();
    assertThat(page().locator("#shot-card"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    page()
        .waitForFunction(
            "() => { const i = document.getElementById('shot'); return i.complete && i.naturalWidth > 100; }",
            null,
            new Page.WaitForFunctionOptions().setTimeout(60_000));
    assertThat(page().locator("#shot-caption")).containsText("/console/sign-in");
    assertThat(first).isNotBlank();
    shot(page(), "browser");
  }

  @Test
  @Order(14)
  void everyPageLoadsWithoutAConsoleErrorAndIsKeyboardReachable() throws Exception {
    Tab admin = chromium.signedIn(platform.adminToken(), 1200, 800);
    try {
      for (String path :
          List.of(
              "chat",
              "keys",
              "settings",
              "memories",
              "agents",
              "automations",
              "jobs",
              "skills",
              "browser",
              "processes",
              "usage",
              "status",
              "admin")) {
        admin.page().navigate("/console/" + path);
        admin.page().waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(admin.page().locator("h1")).isVisible();
        if (path.equals("status")) {
          for (String service : SERVICES) {
            assertThat(admin.page().locator("tr[data-service=" + service + "]"))
                .containsText("UP", LONG);
          }
        }
        assertThat(admin.page().locator(".problem:visible")).hasCount(0);
        assertThat(admin.errors()).as("console errors on /console/%s", path).isEmpty();
        if (!List.of(
                "chat",
                "keys",
                "memories",
                "automations",
                "jobs",
                "usage",
                "agents",
                "skills",
                "processes",
                "browser")
            .contains(path)) {
          shot(admin.page(), path);
        }
      }
      admin.page().navigate("/console/chat");
      admin.page().keyboard().press("Tab");
      assertThat(admin.page().evaluate("() => document.activeElement.textContent"))
          .isEqualTo("Skip to content");
    } finally {
      admin.context().close();
    }

    // The user who chatted sees today's tokens as a bar stacked by model, and the totals.
    int errorsBefore = tab.errors().size();
    page().navigate("/console/usage");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    Locator todays = page().locator("#chart svg rect[data-day='" + today + "']");
    assertThat(page().locator("#usage-rows")).containsText("gpt-4o-mini", LONG);
    assertThat(todays.first()).isVisible();
    assertThat(todays.first()).hasAttribute("data-series", "openai:gpt-4o-mini");
    assertThat(Long.parseLong(todays.first().getAttribute("data-tokens"))).isPositive();
    assertThat(
            page()
                .locator(
                    "#chart svg text", new Page.LocatorOptions().setHasText(today.substring(5))))
        .hasCount(1);
    assertThat(page().locator("#legend")).containsText("openai:gpt-4o-mini");
    Locator dayLabels =
        page()
            .locator("#chart svg text")
            .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\d\\d-\\d\\d$")));
    assertThat(dayLabels.last()).hasText(today.substring(5));
    shot(page(), "usage");
    page().getByLabel("Days").selectOption("7");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    // Seven days, each labelled: the chart is drawn again for the days asked.
    assertThat(dayLabels).hasCount(7);
    assertThat(dayLabels.first())
        .hasText(java.time.LocalDate.parse(today).minusDays(6).toString().substring(5));
    assertThat(tab.errors().subList(errorsBefore, tab.errors().size())).isEmpty();

    Tab phone = chromium.signedIn(token, 390, 844);
    try {
      assertThat(phone.page().locator("nav#nav")).isHidden();
      phone.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
      assertThat(phone.page().locator("nav#nav")).isVisible();
      phone.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
      phone.page().waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(phone.errors()).isEmpty();
      shot(phone.page(), "chat-phone");
    } finally {
      phone.context().close();
    }
  }

  @Test
  @Order(16)
  void aStateChangingRequestWithoutTheCsrfTokenIsRefused() {
    page().navigate("/console/memories");
    Object refused =
        page()
            .evaluate(
                "async () => { const r = await fetch('/api/v1/memories', {method: 'POST',"
                    + " headers: {'Content-Type': 'application/json'},"
                    + " body: JSON.stringify({content: 'planted without csrf'})});"
                    + " return r.status + ' ' + (await r.json()).type; }");
    assertThat(refused).isEqualTo("403 https://zoclone.dev/problems/csrf");

    Object accepted =
        page()
            .evaluate(
                "async () => { const csrf = document.querySelector('meta[name=\"zo-csrf\"]').content;"
                    + " const r = await fetch('/api/v1/memories', {method: 'POST',"
                    + " headers: {'Content-Type': 'application/json', 'X-Zo-Csrf': csrf},"
                    + " body: JSON.stringify({content: 'planted with csrf'})}); return r.status; }");
    assertThat(accepted).isIn(200, 201);
  }

  @Test
  @Order(17)
  void signingOutEndsTheSession() {
    page().navigate("/console/settings");
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    page().waitForURL("**/console/sign-in");
    page().navigate("/console/chat");
    page().waitForURL(Pattern.compile(".*/console/sign-in$"));
  }
}
