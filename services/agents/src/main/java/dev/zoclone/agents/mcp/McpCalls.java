package dev.zoclone.agents.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;

/**
 * The MCP requests in flight, so that {@code notifications/cancelled} can stop one: its work is
 * disposed (a tool's thread is interrupted) and its stream ends without a response, as the spec
 * asks.
 */
@ApplicationScoped
public class McpCalls {
  /** The method of the client's cancellation notification. */
  static final String CANCELLED = "notifications/cancelled";

  private final Map<String, Runnable> inFlight = new ConcurrentHashMap<>();

  /** Registers the request {@code requestId} of {@code sessionId}, stopped by {@code cancel}. */
  void started(String sessionId, Object requestId, Disposable work, SseTransport stream) {
    inFlight.put(
        key(sessionId, requestId),
        () -> {
          work.dispose();
          stream.close();
        });
  }

  /** Forgets a request that ended. */
  void ended(String sessionId, Object requestId) {
    inFlight.remove(key(sessionId, requestId));
  }

  /** Cancels the request if it is still running; false when there is none. */
  boolean cancel(String sessionId, Object requestId) {
    Runnable cancel = inFlight.remove(key(sessionId, requestId));
    if (cancel == null) {
      return false;
    }
    cancel.run();
    return true;
  }

  private static String key(String sessionId, Object requestId) {
    return sessionId + "\n" + requestId;
  }
}
