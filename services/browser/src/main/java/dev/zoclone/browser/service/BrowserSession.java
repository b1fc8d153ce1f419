package dev.zoclone.browser.service;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One caller's browser: a BrowserContext pinned to one worker, its tabs, and what its pages did
 * since the caller last asked (console, network, dialogs, downloads). Its Playwright objects are
 * touched only on the worker's thread.
 */
public final class BrowserSession {
  private final String id;
  private final String owner;
  private final String name;
  private final BrowserWorker worker;
  private final Instant createdAt = Instant.now();
  private final long idleTimeoutMs;
  private final SessionEvents events = new SessionEvents();
  private final List<Page> tabs = new ArrayList<>();
  private BrowserContext context;
  private int active;
  private volatile long lastUsedMs = System.currentTimeMillis();
  private volatile String lostBecause;
  private long savedAtMs;

  BrowserSession(String id, String owner, String name, BrowserWorker worker, long idleTimeoutMs) {
    this.id = id;
    this.owner = owner;
    this.name = name;
    this.worker = worker;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  /** The name under which its state is saved, or null for an anonymous session. */
  public String name() {
    return name;
  }

  public BrowserWorker worker() {
    return worker;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return Instant.ofEpochMilli(lastUsedMs);
  }

  void touch() {
    lastUsedMs = System.currentTimeMillis();
  }

  /** Whether a named session's state was last saved more than {@code everyMs} ago. */
  boolean dueForSave(long everyMs) {
    long now = System.currentTimeMillis();
    if (now - savedAtMs < everyMs) {
      return false;
    }
    savedAtMs = now;
    return true;
  }

  boolean idleLongerThanItsTimeout(long nowMs) {
    return nowMs - lastUsedMs > idleTimeoutMs;
  }

  SessionEvents events() {
    return events;
  }

  BrowserContext context() {
    return context;
  }

  void context(BrowserContext context) {
    this.context = context;
  }

  /** Its open tabs, in the order they were opened. */
  List<Page> tabs() {
    return tabs;
  }

  /** The tab that operations act on. */
  Page page() {
    if (tabs.isEmpty()) {
      throw new IllegalStateException("no tab");
    }
    return tabs.get(Math.min(active, tabs.size() - 1));
  }

  int activeIndex() {
    return Math.min(active, tabs.size() - 1);
  }

  void activate(int index) {
    this.active = index;
  }

  void addTab(Page page) {
    tabs.add(page);
    active = tabs.size() - 1;
  }

  void removeTab(Page page) {
    int index = tabs.indexOf(page);
    tabs.remove(page);
    if (index >= 0 && active >= index && active > 0) {
      active--;
    }
  }

  /**
   * Its Chromium died or was given up, or its renderer crashed ({@code why}, e.g. "its page
   * crashed"): every later operation answers 410. The first reason given stays.
   */
  synchronized void markLost(String why) {
    if (lostBecause == null) {
      lostBecause = why;
    }
  }

  void markCrashed() {
    markLost("its page crashed");
  }

  public boolean lost() {
    return lostBecause != null;
  }

  /** Why it was lost, or null while it is not. */
  String lostBecause() {
    return lostBecause;
  }
}
