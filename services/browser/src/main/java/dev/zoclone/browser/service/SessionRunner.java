package dev.zoclone.browser.service;

import com.microsoft.playwright.PlaywrightException;
import dev.zoclone.browser.config.BrowserConfig;
import dev.zoclone.contract.browser.SessionView;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Runs one operation of a session on the session's worker thread, within its timeout, and turns
 * what can go wrong into problems: 404 for a session the caller has not, 410 {@code session-lost}
 * when its browser died, 403 {@code egress-refused} when the policy refused a request the operation
 * needed.
 */
@ApplicationScoped
public class SessionRunner {
  private static final long SAVE_EVERY_MS = 2000;

  private final SessionRegistry registry;
  private final NamedStates states;
  private final BrowserConfig config;

  public SessionRunner(SessionRegistry registry, NamedStates states, BrowserConfig config) {
    this.registry = registry;
    this.states = states;
    this.config = config;
  }

  /** The caller's session on this replica; 404 otherwise. */
  public BrowserSession session(String owner, String id) {
    return registry
        .find(owner, id)
        .orElseThrow(() -> ProblemException.notFound("browser session " + id));
  }

  /** The session as its owner sees it, with its active tab's URL unless it was lost. */
  public SessionView describe(String owner, String id) {
    BrowserSession session = session(owner, id);
    if (session.lost()) {
      return SessionRegistry.view(session, null);
    }
    // Looking at a session does not count as using it: the idle timeout keeps running.
    return onWorker(
        session, () -> SessionRegistry.view(session, session.page().url()), Duration.ofSeconds(30));
  }

  /** The operation's timeout: {@code requestedMs} when given (bounded), else the default. */
  public long timeoutMs(Long requestedMs) {
    long max = config.maxOperationTimeout().toMillis();
    if (requestedMs == null) {
      return config.operationTimeout().toMillis();
    }
    if (requestedMs < 1 || requestedMs > max) {
      throw ProblemException.badRequest("timeout_ms", "between 1 and " + max);
    }
    return requestedMs;
  }

  /** Runs {@code operation} for the caller's session {@code id}. */
  public <T> T run(String owner, String id, long timeoutMs, Function<BrowserSession, T> operation) {
    BrowserSession session = session(owner, id);
    session.touch();
    return onWorker(
        session, () -> runOnWorker(session, operation), Duration.ofMillis(timeoutMs + 30_000));
  }

  /**
   * Runs {@code task} on the session's worker; a session lost before or meanwhile (its worker given
   * up after the call timed out, say) answers 410 rather than the call's own failure.
   */
  private static <T> T onWorker(BrowserSession session, Callable<T> task, Duration timeout) {
    if (session.lost()) {
      throw lost(session);
    }
    try {
      return session.worker().call(task, timeout);
    } catch (ProblemException e) {
      if (session.lost()) {
        throw lost(session);
      }
      throw e;
    }
  }

  private <T> T runOnWorker(BrowserSession session, Function<BrowserSession, T> operation) {
    session.worker().relaunchIfDead();
    if (session.lost()) {
      throw lost(session);
    }
    session.events().drainRefused();
    try {
      T result = operation.apply(session);
      saveNow(session);
      return result;
    } catch (PlaywrightException e) {
      if (session.worker().relaunchIfDead() || session.lost()) {
        throw lost(session);
      }
      List<String> refused = session.events().drainRefused();
      if (!refused.isEmpty()) {
        // Every address refused during the operation: Chromium itself may have tried one of its
        // own (an error page's lookup) besides the one the page asked for.
        throw egressRefused(String.join(", ", refused.stream().distinct().toList()));
      }
      throw PlaywrightErrors.toProblem(e);
    } finally {
      session.touch();
    }
  }

  private void saveNow(BrowserSession session) {
    if (session.name() != null && session.dueForSave(SAVE_EVERY_MS)) {
      states.save(session);
    }
  }

  /** 403 for a URL the policy refuses. */
  public static ProblemException egressRefused(String url) {
    return new ProblemException(
        403, "egress-refused", "URL not allowed", "the URL policy refuses " + url);
  }

  private static ProblemException lost(BrowserSession session) {
    String why = session.lostBecause();
    String reopen =
        session.name() == null
            ? ""
            : "; open session '" + session.name() + "' again to get its saved state back";
    return new ProblemException(
        410,
        "session-lost",
        "Session lost",
        "session " + session.id() + " is gone: " + why + reopen);
  }
}
