package dev.zoclone.browser.service;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import java.util.Optional;

/**
 * Puts the {@link UrlPolicy} in front of every request a context's pages start: navigations,
 * subresources, fetch/XHR, popups and WebSockets, and notes each refusal for the session. Chromium
 * follows redirects inside its network stack, out of reach of route interception: the {@link
 * EgressProxy} the context talks through checks those hops (and every connection) again.
 */
final class PolicyRoutes {
  private final UrlPolicy policy;

  PolicyRoutes(UrlPolicy policy) {
    this.policy = policy;
  }

  void install(BrowserContext context, BrowserSession session) {
    SessionEvents events = session.events();
    context.route(url -> true, route -> handle(route, events));
    context.routeWebSocket(
        url -> true,
        socket -> {
          if (policy.refuse(socket.url()).isPresent()) {
            events.refused(socket.url());
            socket.close();
          } else {
            socket.connectToServer();
          }
        });
  }

  private void handle(Route route, SessionEvents events) {
    String url = route.request().url();
    Optional<String> refused = policy.refuse(url);
    if (refused.isPresent()) {
      events.refused(url);
      route.abort("blockedbyclient");
    } else {
      route.resume();
    }
  }
}
