package dev.zoclone.agents.tool.browser;

import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.tool.Tool.ToolContext;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One browser session per conversation (per user for one-off agent runs), opened on the first
 * browser tool call and closed when the conversation leaves it idle.
 */
@ApplicationScoped
public class ConversationBrowsers {
  private final BrowserClient browser;
  private final Duration idleTimeout;
  private final Map<String, Held> sessions = new ConcurrentHashMap<>();

  public ConversationBrowsers(BrowserClient browser, AgentsConfig config) {
    this.browser = browser;
    this.idleTimeout = config.browser().idleTimeout();
  }

  private record Held(String user, String sessionId, long lastUsedMs) {}

  /**
   * Runs {@code request} in the conversation's session, opening one when there is none or the old
   * one is gone.
   */
  <T> T inSession(ToolContext context, SessionRequest<T> request) {
    String key = key(context);
    String id = session(context, key);
    try {
      return request.send(id);
    } catch (BrowserClient.BrowserFailure e) {
      if (!e.sessionGone()) {
        throw e;
      }
      sessions.remove(key);
      return request.send(session(context, key));
    }
  }

  /** One call in a given session. */
  @FunctionalInterface
  interface SessionRequest<T> {
    T send(String sessionId);
  }

  /** The conversation's session id, if it has one. */
  Optional<String> current(ToolContext context) {
    return Optional.ofNullable(sessions.get(key(context))).map(Held::sessionId);
  }

  /** Closes the conversation's session; answers whether there was one. */
  boolean close(ToolContext context) {
    Held held = sessions.remove(key(context));
    if (held == null) {
      return false;
    }
    closeQuietly(held);
    return true;
  }

  private String session(ToolContext context, String key) {
    Held held =
        sessions.compute(
            key,
            (k, old) -> {
              long now = System.currentTimeMillis();
              if (old != null) {
                return new Held(old.user(), old.sessionId(), now);
              }
              return new Held(
                  context.owner(), browser.open(context.owner(), idleTimeout.toMillis()), now);
            });
    return held.sessionId();
  }

  /** Closes sessions whose conversation has not used them for the idle timeout. */
  @Scheduled(every = "${zo.agents.browser.idle-check-interval:30s}")
  void closeIdle() {
    long cutoff = System.currentTimeMillis() - idleTimeout.toMillis();
    sessions.forEach(
        (key, held) -> {
          if (held.lastUsedMs() < cutoff && sessions.remove(key, held)) {
            closeQuietly(held);
          }
        });
  }

  private void closeQuietly(Held held) {
    try {
      browser.call(
          held.user(),
          (api, secret, user) -> {
            api.close(secret, user, held.sessionId());
            return null;
          });
    } catch (RuntimeException e) {
      Log.debugf("browser session %s was already gone: %s", held.sessionId(), e.getMessage());
    }
  }

  private static String key(ToolContext context) {
    return context.owner()
        + "\n"
        + (context.conversationId() == null ? "" : context.conversationId());
  }
}
