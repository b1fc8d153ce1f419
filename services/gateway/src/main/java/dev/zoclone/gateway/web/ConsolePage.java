package dev.zoclone.gateway.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Optional;

/**
 * The console's pages: each has a path under {@code /console/}, a template {@code console/<path>}
 * and a script {@code /console/assets/<path>.js}.
 *
 * @param path the page's path segment
 * @param title what the navigation calls it
 * @param adminOnly whether only admins see it in the navigation
 */
@TemplateData
public record ConsolePage(String path, String title, boolean adminOnly) {
  /** Every page, in the navigation's order. */
  public static final List<ConsolePage> ALL =
      List.of(
          new ConsolePage("chat", "Chat", false),
          new ConsolePage("keys", "Keys", false),
          new ConsolePage("settings", "Settings", false),
          new ConsolePage("memories", "Memories", false),
          new ConsolePage("agents", "Agents", false),
          new ConsolePage("automations", "Automations", false),
          new ConsolePage("jobs", "Jobs & nodes", false),
          new ConsolePage("skills", "Skills", false),
          new ConsolePage("browser", "Browser", false),
          new ConsolePage("processes", "Processes", false),
          new ConsolePage("usage", "Usage", false),
          new ConsolePage("status", "Status", false),
          new ConsolePage("admin", "Admin", true));

  /** The page at {@code path}, if there is one. */
  public static Optional<ConsolePage> byPath(String path) {
    return ALL.stream().filter(page -> page.path().equals(path)).findFirst();
  }

  /** The pages {@code admin} (or not) sees in the navigation. */
  public static List<ConsolePage> visibleTo(boolean admin) {
    return ALL.stream().filter(page -> admin || !page.adminOnly()).toList();
  }
}
