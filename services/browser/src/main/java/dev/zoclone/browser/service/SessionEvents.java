package dev.zoclone.browser.service;

import dev.zoclone.contract.browser.ConsoleMessages;
import dev.zoclone.contract.browser.Dialogs;
import dev.zoclone.contract.browser.Downloads;
import dev.zoclone.contract.browser.NetworkRequests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session's pages did since the caller last asked: console messages, requests, dialogs, URLs
 * the policy refused, and the downloads kept. Buffers are bounded so a chatty page cannot fill
 * memory.
 */
final class SessionEvents {
  private static final int MAX_BUFFERED = 500;

  private final List<ConsoleMessages.Message> console = new ArrayList<>();
  private final List<NetworkRequests.Entry> network = new ArrayList<>();
  private final List<Dialogs.Dialog> dialogs = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final Map<String, StoredDownload> downloads = new LinkedHashMap<>();
  private boolean acceptDialogs;
  private String promptText;

  /** A download and, when complete, the file that holds it. */
  record StoredDownload(Downloads.Download view, Path file) {}

  synchronized void console(ConsoleMessages.Message message) {
    add(console, message);
  }

  synchronized void request(NetworkRequests.Entry entry) {
    add(network, entry);
  }

  synchronized void dialog(Dialogs.Dialog dialog) {
    add(dialogs, dialog);
  }

  synchronized void refused(String url) {
    add(refused, url);
  }

  synchronized void download(StoredDownload download) {
    downloads.put(download.view().id(), download);
  }

  synchronized List<ConsoleMessages.Message> drainConsole() {
    return drain(console);
  }

  synchronized List<NetworkRequests.Entry> drainNetwork() {
    return drain(network);
  }

  synchronized List<Dialogs.Dialog> drainDialogs() {
    return drain(dialogs);
  }

  /** URLs refused since the last call, oldest first. */
  synchronized List<String> drainRefused() {
    return drain(refused);
  }

  synchronized List<StoredDownload> downloads() {
    return List.copyOf(downloads.values());
  }

  synchronized StoredDownload download(String id) {
    return downloads.get(id);
  }

  synchronized void dialogPolicy(boolean accept, String promptText) {
    this.acceptDialogs = accept;
    this.promptText = promptText;
  }

  synchronized boolean acceptDialogs() {
    return acceptDialogs;
  }

  synchronized String promptText() {
    return promptText;
  }

  private static <T> void add(List<T> buffer, T item) {
    if (buffer.size() >= MAX_BUFFERED) {
      buffer.remove(0);
    }
    buffer.add(item);
  }

  private static <T> List<T> drain(List<T> buffer) {
    List<T> copy = List.copyOf(buffer);
    buffer.clear();
    return copy;
  }
}
