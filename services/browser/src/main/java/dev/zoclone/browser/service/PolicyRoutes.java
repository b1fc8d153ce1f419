package dev.zoclone.browser.service;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.util.Optional;

/**
 * Puts the {@link UrlPolicy} in front of every request of a context: navigations, subresources,
 * fetch/XHR, popups and WebSockets. Chromium follows redirects inside its network stack, out of
 * reach of route interception, so an allowed request is fetched here without following redirects
 * and a redirect's target is checked before the browser is handed the response.
 */
final class PolicyRoutes {
  private static final long MIN_FETCH_MS = 1000;
  private final UrlPolicy policy;

  PolicyRoutes(UrlPolicy policy) {
    this.policy = policy;
  }

  void install(BrowserContext context, BrowserSession session) {
    SessionEvents events = session.events();
    context.route(url -> true, route -> handle(route, session));
    context.routeWebSocket(
        url -> true,
        socket -> {
          Optional<String> refused = policy.refuse(socket.url());
          if (refused.isPresent()) {
            events.refused(socket.url());
            socket.close();
          } else {
            socket.connectToServer();
          }
        });
  }

  private void handle(Route route, BrowserSession session) {
    SessionEvents events = session.events();
    String url = route.request().url();
    if (refuseAndAbort(route, url, events)) {
      return;
    }
    if (!url.startsWith("http:") && !url.startsWith("https:")) {
      route.resume();
      return;
    }
    APIResponse response;
    try {
      response =
          route.fetch(
              new Route.FetchOptions()
                  .setMaxRedirects(0)
                  .setTimeout(session.remainingMs(MIN_FETCH_MS)));
    } catch (PlaywrightException e) {
      route.abort("failed");
      return;
    }
    int status = response.status();
    String location = response.headers().get("location");
    if (status >= 300 && status < 400 && location != null) {
      String target = resolve(url, location);
      if (refuseAndAbort(route, target, events)) {
        return;
      }
    }
    route.fulfill(new Route.FulfillOptions().setResponse(response));
  }

  private boolean refuseAndAbort(Route route, String url, SessionEvents events) {
    Optional<String> refused = policy.refuse(url);
    if (refused.isEmpty()) {
      return false;
    }
    events.refused(url);
    route.abort("blockedbyclient");
    return true;
  }

  private static String resolve(String base, String location) {
    try {
      return URI.create(base).resolve(location.trim()).toString();
    } catch (IllegalArgumentException e) {
      return location;
    }
  }
}
