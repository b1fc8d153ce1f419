package dev.zoclone.contract.browser;

import java.util.List;

/** The session's tabs; popups opened by pages are tabs too. */
public record TabList(List<Tab> tabs) {

  /** One tab and whether operations act on it. */
  public record Tab(int index, String url, String title, boolean active) {}
}
