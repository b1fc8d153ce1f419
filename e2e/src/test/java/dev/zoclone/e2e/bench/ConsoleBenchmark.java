package dev.zoclone.e2e.bench;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of the web console through the packaged gateway, agents and memory with a fake model that
 * streams: time to first token in Chromium's chat page (send to the first token on the page)
 * against the API's own (request sent to the first token event read by a Java client), and the
 * bytes of HTML, JS and CSS the chat page loads.
 *
 * <p>Args: asks per side (20).
 */
public final class ConsoleBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration CHUNK_DELAY = Duration.ofMillis(20);

  private ConsoleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int asks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    try (FakeOpenAiServer model = new FakeOpenAiServer();
        LocalPlatform platform = LocalPlatform.start("agents", "memory");
        ConsoleBrowser chromium = new ConsoleBrowser(platform.gatewayUrl())) {
      String token = platform.newUserToken("bench-console");
      HttpResponse<String> key =
          platform.call(
              token,
              "PUT",
              "/api/v1/keys/openai",
              "{\"provider\":\"openai\",\"api_key\":\"sk-bench-0123456789abcd\",\"base_url\":\""
                  + model.baseUrl()
                  + "/v1\",\"default_model\":\"gpt-4o-mini\"}");
      if (key.statusCode() != 200) {
        throw new IllegalStateException(key.body());
      }
      pageWeight(chromium, token);
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
      System.out.printf("API time to first token, %d asks: %s%n", asks, summary(api));
      System.out.printf("Browser time to first token, %d asks: %s%n", asks, summary(browser));
    }
    System.exit(0);
  }

  private static void pageWeight(ConsoleBrowser chromium, String token) {
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
    System.out.printf("Chat page weight (uncompressed): %s, total %d bytes%n", bytes, total);
    tab.context().close();
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

  private static String summary(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        "p50 %d ms, p90 %d ms, max %d ms",
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
        sorted.get(sorted.size() - 1));
  }
}
