package dev.zoclone.browser.service;

import com.microsoft.playwright.Page;
import dev.zoclone.contract.browser.ConsoleMessages;
import dev.zoclone.contract.browser.DialogRequest;
import dev.zoclone.contract.browser.Dialogs;
import dev.zoclone.contract.browser.Downloads;
import dev.zoclone.contract.browser.NetworkRequests;
import dev.zoclone.contract.browser.TabList;
import dev.zoclone.contract.browser.TabRequest;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tabs, dialogs, console, network and downloads of a session. */
@ApplicationScoped
public class TabOperations {
  private final SessionRunner runner;
  private final SessionRegistry registry;
  private final UrlPolicy policy;

  public TabOperations(SessionRunner runner, SessionRegistry registry, UrlPolicy policy) {
    this.runner = runner;
    this.registry = registry;
    this.policy = policy;
  }

  /** Lists, opens, selects or closes tabs, and answers the tabs after it. */
  public TabList tabs(String owner, String id, TabRequest request) {
    TabRequest r = request == null ? new TabRequest("list", null, null) : request;
    String action = r.action() == null ? "list" : r.action().toLowerCase(Locale.ROOT);
    if (!List.of("list", "open", "select", "close").contains(action)) {
      throw ProblemException.badRequest("action", "one of list, open, select, close");
    }
    if ((action.equals("select") || action.equals("close")) && r.index() == null) {
      throw ProblemException.badRequest("index", "is required to " + action + " a tab");
    }
    if (action.equals("open") && r.url() != null) {
      policy
          .refusePage(r.url())
          .ifPresent(
              why -> {
                throw SessionRunner.egressRefused(r.url() + " (" + why + ")");
              });
    }
    long timeout = runner.timeoutMs(null);
    return runner.run(
        owner,
        id,
        timeout,
        s -> {
          switch (action) {
            case "open" -> {
              Page page = registry.newTab(s);
              if (r.url() != null) {
                page.navigate(r.url());
              }
            }
            case "select" -> {
              checkIndex(s, r.index());
              s.activate(r.index());
              s.page().bringToFront();
            }
            case "close" -> {
              checkIndex(s, r.index());
              if (s.tabs().size() == 1) {
                throw ProblemException.conflict(
                    "last-tab", "a session keeps at least one tab; delete the session instead");
              }
              s.tabs().get(r.index()).close();
            }
            default -> {}
          }
          return list(s);
        });
  }

  private static void checkIndex(BrowserSession s, int index) {
    if (index < 0 || index >= s.tabs().size()) {
      throw new ProblemException(
          404,
          "tab-not-found",
          "Tab not found",
          "no tab " + index + " (0.." + (s.tabs().size() - 1) + ")");
    }
  }

  private static TabList list(BrowserSession s) {
    List<TabList.Tab> tabs = new ArrayList<>();
    for (int i = 0; i < s.tabs().size(); i++) {
      Page page = s.tabs().get(i);
      tabs.add(new TabList.Tab(i, page.url(), page.title(), i == s.activeIndex()));
    }
    return new TabList(tabs);
  }

  /** Sets how later dialogs are answered and answers the dialogs seen since the last call. */
  public Dialogs dialogs(String owner, String id, DialogRequest request) {
    return runner.run(
        owner,
        id,
        runner.timeoutMs(null),
        s -> {
          if (request != null && request.accept() != null) {
            s.events().dialogPolicy(request.accept(), request.promptText());
          }
          return new Dialogs(s.events().drainDialogs());
        });
  }

  public ConsoleMessages console(String owner, String id) {
    return runner.run(
        owner, id, runner.timeoutMs(null), s -> new ConsoleMessages(s.events().drainConsole()));
  }

  public NetworkRequests network(String owner, String id) {
    return runner.run(
        owner, id, runner.timeoutMs(null), s -> new NetworkRequests(s.events().drainNetwork()));
  }

  public Downloads downloads(String owner, String id) {
    return runner.run(
        owner,
        id,
        runner.timeoutMs(null),
        s ->
            new Downloads(
                s.events().downloads().stream().map(SessionEvents.StoredDownload::view).toList()));
  }

  /** The bytes of a complete download and its file name. */
  public DownloadedFile download(String owner, String id, String downloadId) {
    SessionEvents.StoredDownload stored =
        runner.run(owner, id, runner.timeoutMs(null), s -> s.events().download(downloadId));
    if (stored == null) {
      throw ProblemException.notFound("download " + downloadId);
    }
    if (stored.file() == null) {
      throw ProblemException.conflict(
          "download-" + stored.view().status(),
          "download " + downloadId + " is " + stored.view().status());
    }
    try {
      return new DownloadedFile(stored.view().fileName(), Files.readAllBytes(stored.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A downloaded file's name and bytes. */
  public record DownloadedFile(String fileName, byte[] bytes) {}
}
