package dev.zoclone.e2e.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's headless Chromium driven by Playwright for Java (nothing is downloaded), opening the web
 * console of a {@link LocalPlatform}: pages that record every console error and page error. Use
 * from one thread; {@link #close()} ends Chromium and Playwright.
 */
public final class ConsoleBrowser implements AutoCloseable {
  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;
  private final String baseUrl;

  /** A page of the console and the errors its browser tab reported. */
  public record Tab(BrowserContext context, Page page, List<String> errors) {}

  public ConsoleBrowser(String baseUrl) {
    this.baseUrl = baseUrl;
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    this.browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(
                        Path.of(
                            System.getenv()
                                .getOrDefault("ZO_BROWSER_EXECUTABLE", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
  }

  /** A fresh browser context (no cookie) at this viewport, with a page that records errors. */
  public Tab open(int width, int height) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setBaseURL(baseUrl).setViewportSize(width, height));
    context.setDefaultTimeout(30_000);
    Page page = context.newPage();
    List<String> errors = new CopyOnWriteArrayList<>();
    page.onConsoleMessage(
        message -> {
          if (message.type().equals("error")) {
            errors.add(message.text() + " (" + message.location() + ")");
          }
        });
    page.onPageError(error -> errors.add("page error: " + error));
    return new Tab(context, page, errors);
  }

  /** A fresh context signed in with {@code token} through the sign-in form. */
  public Tab signedIn(String token, int width, int height) {
    Tab tab = open(width, height);
    tab.page().navigate("/console/sign-in");
    tab.page().getByLabel("API token").fill(token);
    tab.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    tab.page().waitForURL("**/console/chat");
    return tab;
  }

  /** Saves a screenshot of {@code page} as {@code docs/console/<name>.jpg} of the repository. */
  public static void screenshot(Page page, Path repoRoot, String name) {
    try {
      Path folder = repoRoot.resolve("docs/console");
      Files.createDirectories(folder);
      // JPEG at 70 keeps a page's picture to a few tens of kilobytes in the repository.
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(folder.resolve(name + ".jpg"))
              .setType(ScreenshotType.JPEG)
              .setQuality(70));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
