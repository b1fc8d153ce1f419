package dev.zoclone.browser.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaSnapshotMode;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.WaitUntilState;
import dev.zoclone.contract.browser.ContentRequest;
import dev.zoclone.contract.browser.EvaluateResult;
import dev.zoclone.contract.browser.NavigateRequest;
import dev.zoclone.contract.browser.PageContent;
import dev.zoclone.contract.browser.PageInfo;
import dev.zoclone.contract.browser.ScreenshotRequest;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Operations on the active tab as a whole: navigation, content, screenshots, PDF, evaluate. */
@ApplicationScoped
public class PageOperations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, WaitUntilState> WAIT_UNTIL =
      Map.of(
          "load", WaitUntilState.LOAD,
          "domcontentloaded", WaitUntilState.DOMCONTENTLOADED,
          "networkidle", WaitUntilState.NETWORKIDLE,
          "commit", WaitUntilState.COMMIT);

  private static final Pattern INTERRUPTION =
      Pattern.compile("is interrupted by another navigation to \"([^\"]+)\"");

  private final SessionRunner runner;
  private final UrlPolicy policy;
  private final MarkdownScript markdown;

  public PageOperations(SessionRunner runner, UrlPolicy policy, MarkdownScript markdown) {
    this.runner = runner;
    this.policy = policy;
    this.markdown = markdown;
  }

  public PageInfo navigate(String owner, String id, NavigateRequest request) {
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw ProblemException.badRequest("url", "is required");
    }
    String url = request.url().trim();
    policy
        .refusePage(url)
        .ifPresent(
            why -> {
              throw SessionRunner.egressRefused(url + ": " + why);
            });
    WaitUntilState waitUntil = WaitUntilState.LOAD;
    if (request.waitUntil() != null) {
      waitUntil = WAIT_UNTIL.get(request.waitUntil().toLowerCase(Locale.ROOT));
      if (waitUntil == null) {
        throw ProblemException.badRequest("wait_until", "one of " + WAIT_UNTIL.keySet());
      }
    }
    long timeout = runner.timeoutMs(request.timeoutMs());
    WaitUntilState until = waitUntil;
    return runner.run(
        owner,
        id,
        timeout,
        s -> {
          Page.NavigateOptions options =
              new Page.NavigateOptions().setWaitUntil(until).setTimeout(timeout);
          Response response = go(s.page(), url, options, timeout);
          return info(s.page(), response);
        });
  }

  /**
   * Navigates {@code page} to {@code url}. A refused navigation answers before Chromium has shown
   * its error page, and Chromium counts a redirect followed straight from that page as a new
   * navigation: so the page leaves an error page for {@code about:blank} first, and a navigation
   * interrupted by another one waits until the page reaches that one's address, then goes again
   * (three tries in all).
   */
  private static Response go(Page page, String url, Page.NavigateOptions options, long timeout) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (page.url().startsWith("chrome-error:")) {
          page.navigate("about:blank", options);
        }
        return page.navigate(url, options);
      } catch (PlaywrightException e) {
        Matcher interruption = INTERRUPTION.matcher(String.valueOf(e.getMessage()));
        if (attempt == 3 || !interruption.find()) {
          throw e;
        }
        String interrupting = interruption.group(1);
        page.waitForURL(interrupting::equals, new Page.WaitForURLOptions().setTimeout(timeout));
      }
    }
  }

  public PageInfo back(String owner, String id) {
    return history(owner, id, "back");
  }

  public PageInfo forward(String owner, String id) {
    return history(owner, id, "forward");
  }

  public PageInfo reload(String owner, String id) {
    return history(owner, id, "reload");
  }

  private PageInfo history(String owner, String id, String which) {
    long timeout = runner.timeoutMs(null);
    return runner.run(
        owner,
        id,
        timeout,
        s -> {
          Page page = s.page();
          Response response =
              switch (which) {
                case "back" -> page.goBack();
                case "forward" -> page.goForward();
                default -> page.reload();
              };
          return info(page, response);
        });
  }

  public PageContent content(String owner, String id, ContentRequest request) {
    String format =
        request == null || request.format() == null
            ? "text"
            : request.format().toLowerCase(Locale.ROOT);
    if (!java.util.Set.of("text", "html", "markdown", "snapshot").contains(format)) {
      throw ProblemException.badRequest("format", "one of text, html, markdown, snapshot");
    }
    return runner.run(
        owner,
        id,
        runner.timeoutMs(null),
        s -> {
          Page page = s.page();
          String content =
              switch (format) {
                case "html" -> page.content();
                case "markdown" -> (String) page.evaluate(markdown.source());
                case "snapshot" ->
                    page.ariaSnapshot(new Page.AriaSnapshotOptions().setMode(AriaSnapshotMode.AI));
                default -> page.innerText("body");
              };
          return new PageContent(page.url(), page.title(), format, content);
        });
  }

  /** PNG or JPEG bytes of the page, its full length, or one element. */
  public byte[] screenshot(String owner, String id, ScreenshotRequest request) {
    ScreenshotRequest r = request == null ? new ScreenshotRequest(null, null, null, null) : request;
    String format = r.format() == null ? "png" : r.format().toLowerCase(Locale.ROOT);
    if (!format.equals("png") && !format.equals("jpeg")) {
      throw ProblemException.badRequest("format", "png or jpeg");
    }
    ScreenshotType type = format.equals("png") ? ScreenshotType.PNG : ScreenshotType.JPEG;
    boolean element = r.ref() != null || r.selector() != null;
    Targets.Target target = element ? Targets.of(r.selector(), r.ref(), "selector") : null;
    return runner.run(
        owner,
        id,
        runner.timeoutMs(null),
        s -> {
          if (target != null) {
            return target.act(
                s.page(),
                l ->
                    l.screenshot(
                        new com.microsoft.playwright.Locator.ScreenshotOptions().setType(type)));
          }
          return s.page()
              .screenshot(
                  new Page.ScreenshotOptions()
                      .setType(type)
                      .setFullPage(Boolean.TRUE.equals(r.fullPage())));
        });
  }

  public byte[] pdf(String owner, String id) {
    return runner.run(owner, id, runner.timeoutMs(null), s -> s.page().pdf());
  }

  public EvaluateResult evaluate(String owner, String id, String expression) {
    if (expression == null || expression.isBlank()) {
      throw ProblemException.badRequest("expression", "is required");
    }
    return runner.run(
        owner,
        id,
        runner.timeoutMs(null),
        s -> {
          Object value;
          try {
            value = s.page().evaluate(expression);
          } catch (com.microsoft.playwright.PlaywrightException e) {
            if (s.lost()) {
              throw e;
            }
            throw new ProblemException(
                422,
                "evaluation-failed",
                "Evaluation failed",
                PlaywrightErrors.firstLine(e.getMessage()));
          }
          JsonNode json = JSON.valueToTree(value);
          return new EvaluateResult(json);
        });
  }

  static PageInfo info(Page page, Response response) {
    return new PageInfo(page.url(), page.title(), response == null ? null : response.status());
  }
}
