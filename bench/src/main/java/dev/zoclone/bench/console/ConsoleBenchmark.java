package dev.zoclone.bench.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.zoclone.bench.Benchmark;
import dev.zoclone.bench.Figure;
import dev.zoclone.bench.Latencies;
import dev.zoclone.bench.Stack;
import dev.zoclone.e2e.support.ConsoleBrowser;
import dev.zoclone.e2e.support.LocalPlatform;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of the web console through the packaged gateway, agents and memory with a fake model that
 * streams: time to first token in Chromium's chat page (send to the first token on the page)
 * against the API's own (request sent to the first token event read by a Java client), and the
 * bytes of HTML, JS and CSS the chat page loads.
 *
 * <p>Sizes: {@code bench.console.asks} per side (20).
 */
public final class ConsoleBenchmark implements Benchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration CHUNK_DELAY = Duration.ofMillis(20);

  @Override
  public String name() {
    return "console";
  }

  @Override
  public List<Figure> run() throws Exception {
    int asks = size("asks", 20);
    List<Figure> figures = new ArrayList<>();
    try (FakeOpenAiServer model = new FakeOpenAiServer();
        LocalPlatform platform = Stack.platform("agents", "memory").start();
        ConsoleBrowser chromium = new ConsoleBrowser(platform.gatewayUrl())) {
      String token = platform.newUserToken("bench-console");
      platform.putKey(token, "openai", model.baseUrl(), "gpt-4o-mini");
      figures.add(pageWeight(chromium, token));
      for (int i = 0; i < 5; i++) {
        model.enqueue(Reply.stream("warm", " up").chunkDelay(CHUNK_DELAY));
        apiFirstToken(platform, token);
      }
      List<Long> api = new ArrayList<>();
      for (int i = 0; i < asks; i++) {
        model.enqueue(Reply.stream("first", " second", " third").chunkDelay(CHUNK_DELAY));
        api.add(apiFirstToken(platform, token));
      }
      List<Long> browser = browserFirstTokens(chromium, model, token, asks);
      figures.add(firstToken("through the API (a Java client reading the stream)", api));
      figures.add(firstToken("in Chromium's chat page (send to the first token shown)", browser));
    }
    return figures;
  }

  private Figure firstToken(String where, List<Long> millis) {
    Latencies latencies = new Latencies(millis.stream().map(ms -> ms * 1_000_000).toList());
    return Figure.of(
        name(),
        "time to first token " + where + ", p50 (p95 " + Figure.format(latencies.p95()) + " ms)",
        latencies.p50(),
        "ms");
  }

  private Figure pageWeight(ConsoleBrowser chromium, String token) {
    ConsoleBrowser.Tab tab = chromium.signedIn(token, 1200, 800);
    Map<String, Long> bytes = new TreeMap<>();
    Page page = tab.page();
    page.onResponse(
        (Response response) -> {
          String type = response.headerValue("content-type");
          if (type == null) {
            return;
          }
          String kind =
              type.contains("html")
                  ? "html"
                  : type.contains("javascript") ? "js" : type.contains("css") ? "css" : null;
          if (kind != null && response.url().contains("/console")) {
            bytes.merge(kind, (long) response.body().length, Long::sum);
          }
        });
    page.navigate("/console/chat");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    tab.context().close();
    return Figure.atMost(
        name(),
        "chat page weight, uncompressed HTML + JS + CSS " + bytes,
        total / 1000.0,
        "KB",
        200);
  }

  private static long apiFirstToken(LocalPlatform platform, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/ask"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"input\":\"hi\",\"model_name\":\"openai:gpt-4o-mini\",\"stream\":true}"))
            .build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long first = -1;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (first < 0 && line.startsWith("data: {\"content\"")) {
          first = (System.nanoTime() - start) / 1_000_000;
        }
      }
    }
    if (first < 0) {
      throw new IllegalStateException("no token streamed");
    }
    return first;
  }

  private static List<Long> browserFirstTokens(
      ConsoleBrowser chromium, FakeOpenAiServer model, String token, int asks) {
    ConsoleBrowser.Tab tab = chromium.signedIn(token, 1200, 800);
    Page page = tab.page();
    page.locator("#model option[value='openai:gpt-4o-mini']")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    page.getByLabel("Model").selectOption("openai:gpt-4o-mini");
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < asks + 5; i++) {
      model.enqueue(Reply.stream("first", " second", " third").chunkDelay(CHUNK_DELAY));
      page.getByLabel("Message").fill("hi " + i);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
      Locator answer = page.locator("li.message.assistant").last();
      page.waitForFunction(
          "() => document.querySelector('li.message.assistant:last-child').dataset.done === 'true'");
      long first = Long.parseLong(answer.getAttribute("data-first-token-ms"));
      if (i >= 5) {
        out.add(first);
      }
    }
    tab.context().close();
    return out;
  }
}
