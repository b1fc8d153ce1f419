package dev.zoclone.browser.service;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.zoclone.contract.browser.ConsoleMessages;
import dev.zoclone.contract.browser.Dialogs;
import dev.zoclone.contract.browser.Downloads;
import dev.zoclone.contract.browser.NetworkRequests;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Listens to one tab of a session: its console, requests, dialogs (answered by the session's dialog
 * policy), downloads (kept up to a size), popups, crash and close.
 */
final class PageWiring {
  private final int maxPages;
  private final long maxDownloadBytes;

  PageWiring(int maxPages, long maxDownloadBytes) {
    this.maxPages = maxPages;
    this.maxDownloadBytes = maxDownloadBytes;
  }

  /** Makes {@code page} a tab of {@code session}, or closes it when the session has too many. */
  void adopt(BrowserSession session, Page page) {
    if (session.tabs().contains(page)) {
      return;
    }
    if (session.tabs().size() >= maxPages) {
      session
          .events()
          .console(
              new ConsoleMessages.Message(
                  "warning", "a new tab was closed: the session has " + maxPages + " tabs", null));
      page.close();
      return;
    }
    SessionEvents events = session.events();
    session.addTab(page);
    page.onConsoleMessage(
        m -> events.console(new ConsoleMessages.Message(m.type(), m.text(), m.location())));
    page.onPageError(
        error -> events.console(new ConsoleMessages.Message("pageerror", error, null)));
    page.onResponse(
        r ->
            events.request(
                new NetworkRequests.Entry(
                    r.request().method(), r.url(), r.request().resourceType(), r.status(), null)));
    page.onRequestFailed(
        r ->
            events.request(
                new NetworkRequests.Entry(
                    r.method(), r.url(), r.resourceType(), null, r.failure())));
    page.onDialog(dialog -> answer(events, dialog));
    page.onDownload(download -> keep(events, download));
    page.onCrash(p -> session.markCrashed());
    page.onClose(session::removeTab);
  }

  private static void answer(SessionEvents events, Dialog dialog) {
    boolean accept = events.acceptDialogs();
    String promptText = events.promptText();
    events.dialog(
        new Dialogs.Dialog(
            dialog.type(), dialog.message(), dialog.defaultValue(), accept, promptText));
    if (accept) {
      if (promptText != null) {
        dialog.accept(promptText);
      } else {
        dialog.accept();
      }
    } else {
      dialog.dismiss();
    }
  }

  private void keep(SessionEvents events, Download download) {
    String id = UUID.randomUUID().toString();
    String name = download.suggestedFilename();
    try {
      Path file = Files.createTempFile("zo-download-", ".bin");
      download.saveAs(file);
      long size = Files.size(file);
      if (size > maxDownloadBytes) {
        Files.deleteIfExists(file);
        events.download(
            new SessionEvents.StoredDownload(
                new Downloads.Download(id, name, download.url(), size, "too-large"), null));
        return;
      }
      events.download(
          new SessionEvents.StoredDownload(
              new Downloads.Download(id, name, download.url(), size, "complete"), file));
    } catch (IOException | PlaywrightException e) {
      Log.debugf("download %s failed: %s", name, e.getMessage());
      events.download(
          new SessionEvents.StoredDownload(
              new Downloads.Download(id, name, download.url(), null, "failed"), null));
    }
  }
}
