package dev.zoclone.gateway.web;

import dev.zoclone.gateway.Caller;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders a console page: its own template inside the console's layout. */
@ApplicationScoped
public class ConsoleTemplates {
  private final Engine engine;

  public ConsoleTemplates(Engine engine) {
    this.engine = engine;
  }

  /** The page as {@code caller} sees it, with the session's CSRF token for its scripts. */
  public TemplateInstance page(ConsolePage page, Caller caller, String csrf) {
    return engine
        .getTemplate("console/" + page.path() + ".html")
        .data("page", page)
        .data("userName", caller.name())
        .data("admin", caller.admin())
        .data("csrf", csrf)
        .data("nav", ConsolePage.visibleTo(caller.admin()));
  }
}
